package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Timer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.testsupport.StubSubgraph;
import org.lodestone.gateway.testsupport.StubSubgraph.Received;
import org.lodestone.gateway.testsupport.TestGateway;


/** Plans executed against stub subgraphs on random ports (real HTTP, canned data). */
class PlanExecutionTest {

    private static TestGateway coalition;
    private static TestGateway features;

    @BeforeAll
    static void start() {
        coalition = new TestGateway("supergraphs/coalition.graphql", "coalition");
        features = new TestGateway("supergraphs/features.graphql", "features");
        // First requests pay for class loading in the stubs; keep that out of the assertions.
        coalition.run("{ countries { name agreements { id } supplyShares { year } } }");
        features.run("{ products { name inStock } }");
    }

    @AfterAll
    static void stop() {
        coalition.close();
        features.close();
    }

    @BeforeEach
    void reset() {
        coalition.reset();
        features.reset();
    }

    @Test
    void coalitionQueryBatchesOneRequestPerSubgraphPerLevel() {
        Map<String, Object> body = coalition.run("""
                {
                  countries(coalitionOnly: true) {
                    code name
                    dependencies { indicator value mineral { id name } }
                    agreements {
                      title
                      parties { code name }
                      commitments { id obligor { code name } }
                      minerals { id concentration(stage: REFINING) { hhi chinaSharePct } }
                    }
                  }
                }
                """);
        assertNull(body.get("errors"), String.valueOf(body.get("errors")));
        assertEquals("Japan", at(body, "data", "countries", 1, "name"));
        assertEquals("Graphite", at(body, "data", "countries", 1, "dependencies", 1, "mineral", "name"));
        assertEquals("Germany", at(body, "data", "countries", 0, "agreements", 1, "parties", 0, "name"));
        assertEquals(96.0, at(body, "data", "countries", 0, "agreements", 0, "minerals", 1, "concentration", "chinaSharePct"));
        // Level 0 countries, level 1 minerals + agreements, level 2 countries + minerals: 5, whatever the country count.
        assertEquals(2, coalition.stub("countries").requestCount());
        assertEquals(1, coalition.stub("agreements").requestCount());
        assertEquals(2, coalition.stub("minerals").requestCount());
        assertEquals(5, at(body, "extensions", "subgraphRequests"));
        // Parties and obligors (US, JP, DE several times over) reach countries once each.
        Received partyLookup = coalition.stub("countries").received().get(1);
        assertEquals(List.of(Map.of("__typename", "Country", "code", "US"), Map.of("__typename", "Country", "code", "JP"),
                Map.of("__typename", "Country", "code", "DE")), partyLookup.variables().get("representations"));
    }

    @Test
    void measureCoalitionQueryLatencyThroughTheGateway() {
        String query = """
                { countries(coalitionOnly: true) { code name dependencies { indicator value mineral { id name } }
                  agreements { title parties { code name } commitments { id obligor { code name } }
                    minerals { id concentration(stage: REFINING) { hhi chinaSharePct } } } } }
                """;
        for (int i = 0; i < 30; i++) {
            coalition.run(query);
        }
        coalition.reset();
        int runs = 100;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            coalition.run(query);
        }
        double millis = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("Coalition query through the gateway (stub subgraphs, cached plan): %.2f ms/op, %d subgraph requests/op%n",
                millis, coalition.totalRequests() / runs);
        assertEquals(5 * runs, coalition.totalRequests());
    }

    @Test
    void onlyRequestedFieldsInRequestedOrderWithAliases() {
        Map<String, Object> body = coalition.run("""
                { first: country(code: "JP") { label: name __typename id: code agreements { title } } }
                """);
        Map<?, ?> first = (Map<?, ?>) at(body, "data", "first");
        assertEquals(List.of("label", "__typename", "id", "agreements"), List.copyOf(first.keySet()));
        assertEquals("Country", first.get("__typename"));
        assertEquals("JP", first.get("id"));
        assertEquals(Map.of("title", "US-Japan Critical Minerals Agreement"), at(body, "data", "first", "agreements", 0));
        assertEquals("query{first:country(code: \"JP\"){label:name __typename id:code code}}",
                coalition.stub("countries").received().get(0).query());
    }

    @Test
    void clientResponseKeysNamedLikeKeyOrRequiredFieldsDoNotConfuseRepresentations() {
        Map<String, Object> body = coalition.run("{ country(code: \"JP\") { code: name agreements { title } } }");
        assertNull(body.get("errors"), String.valueOf(body.get("errors")));
        assertEquals(Map.of("code", "Japan", "agreements", List.of(Map.of("title", "US-Japan Critical Minerals Agreement"),
                Map.of("title", "Germany-Japan-US gallium stockpile"))), at(body, "data", "country"));
        assertEquals(List.of(Map.of("__typename", "Country", "code", "JP")),
                coalition.stub("agreements").received().get(0).variables().get("representations"));

        Map<String, Object> requires = features.run("{ products { price: name shippingEstimate } }");
        assertNull(requires.get("errors"), String.valueOf(requires.get("errors")));
        assertEquals(Map.of("price", "Lithium cell", "shippingEstimate", 7), at(requires, "data", "products", 0));
    }

    @Test
    void variablesFragmentsSkipIncludeAndRootTypename() {
        Map<String, Object> body = coalition.run("""
                query Dossier($code: ID!, $withMinerals: Boolean!, $lean: Boolean!) {
                  __typename
                  country(code: $code) { ...CountryNames agreements { ... on Agreement { title } minerals @include(if: $withMinerals) { name } } }
                }
                fragment CountryNames on Country { name groups @skip(if: $lean) }
                """, Map.of("code", "DE", "withMinerals", true, "lean", true));
        assertNull(body.get("errors"));
        assertEquals("Query", at(body, "data", "__typename"));
        assertEquals(Map.of("name", "Germany", "agreements", List.of(Map.of("title", "Germany-Japan-US gallium stockpile",
                "minerals", List.of(Map.of("name", "Gallium"))))), at(body, "data", "country"));
        assertEquals(Map.of("code", "DE"), coalition.stub("countries").received().get(0).variables());
    }

    @Test
    void customScalarsAndEnumsPassThroughAsGiven() {
        Map<String, Object> body = coalition.run("""
                query ($on: Date, $status: AgreementStatus) {
                  exportControls(activeOn: $on) { id announcedOn imposingCountry { name } }
                  agreements(status: $status) { status }
                }
                """, Map.of("on", "2025-01-01", "status", "IN_FORCE"));
        assertNull(body.get("errors"), String.valueOf(body.get("errors")));
        assertEquals("2023-07-03", at(body, "data", "exportControls", 0, "announcedOn"));
        assertEquals("China", at(body, "data", "exportControls", 0, "imposingCountry", "name"));
        assertEquals(Map.of("on", "2025-01-01"), coalition.stub("minerals").received().get(0).variables());
        assertEquals("IN_FORCE", at(body, "data", "agreements", 0, "status"));
    }

    @Test
    void callerTokenIsForwardedToEverySubgraph() {
        coalition.run("{ country(code: \"JP\") { name agreements { id } supplyShares { year } } }");
        for (String name : List.of("countries", "agreements", "minerals")) {
            assertEquals("Bearer test-token", coalition.stub(name).received().get(0).authorization());
        }
    }

    @Test
    void failingSubgraphYieldsNullAndSubgraphUnavailableWithPathWhileOtherDataArrives() {
        coalition.stub("minerals").mode(StubSubgraph.Mode.FAIL_500);
        Map<String, Object> body = coalition.run("""
                { country(code: "JP") { name } mineral(id: "lithium") { name }
                  agreement(id: "a1") { title minerals { id concentration { hhi } } } }
                """);
        assertEquals("Japan", at(body, "data", "country", "name"));
        assertNull(at(body, "data", "mineral"));
        assertEquals("lithium", at(body, "data", "agreement", "minerals", 0, "id"));
        assertNull(at(body, "data", "agreement", "minerals", 0, "concentration"));
        List<?> errors = (List<?>) body.get("errors");
        assertEquals(List.of("mineral"), at(body, "errors", 0, "path"));
        assertEquals("SUBGRAPH_UNAVAILABLE", at(body, "errors", 0, "extensions", "code"));
        assertEquals("minerals", at(body, "errors", 0, "extensions", "serviceName"));
        assertTrue(errors.stream().anyMatch(e -> List.of("agreement", "minerals", 1, "concentration")
                .equals(((Map<?, ?>) e).get("path"))), errors.toString());
    }

    @Test
    void timeoutIsReportedAsSubgraphUnavailable() {
        coalition.stub("agreements").mode(StubSubgraph.Mode.STALL);
        Map<String, Object> body = coalition.run("{ country(code: \"US\") { name agreements { title } } }");
        // agreements is [Agreement!]!: a null there makes the nullable country null, per GraphQL null propagation.
        assertNull(at(body, "data", "country"));
        assertEquals("SUBGRAPH_UNAVAILABLE", at(body, "errors", 0, "extensions", "code"));
        assertEquals(List.of("country", "agreements"), at(body, "errors", 0, "path"));
        assertTrue(((String) at(body, "errors", 0, "message")).contains("did not answer"));
    }

    @Test
    void subgraphErrorCodesPassThroughWithRewrittenPaths() {
        coalition.stub("agreements").failWith(Map.of("message", "Agreement is not visible to the caller",
                "path", List.of("_entities", 0, "agreements"), "extensions", Map.of("code", "FORBIDDEN")));
        Map<String, Object> body = coalition.run("{ countries { code agreements { id } } }");
        assertEquals("FORBIDDEN", at(body, "errors", 0, "extensions", "code"));
        assertEquals(List.of("countries", 0, "agreements"), at(body, "errors", 0, "path"));
        assertEquals("agreements", at(body, "errors", 0, "extensions", "serviceName"));
    }

    @Test
    void aSubgraphCodeOutsideTheStableSetBecomesInternal() {
        coalition.stub("agreements").failWith(Map.of("message", "System error",
                "path", List.of("_entities", 0, "agreements"), "extensions", Map.of("code", "arc-undeclared-throwable")));
        Map<String, Object> body = coalition.run("{ countries { code agreements { id } } }");
        assertEquals("INTERNAL", at(body, "errors", 0, "extensions", "code"), body.toString());
        assertEquals("agreements", at(body, "errors", 0, "extensions", "serviceName"));
    }

    @Test
    void mutationsRunInDocumentOrder() {
        Map<String, Object> body = coalition.run("""
                mutation {
                  first: createAgreement(title: "A") { id }
                  control: recordExportControl(input: {imposingCountry: "CN", minerals: ["gallium"], measure: "ban"}) { id measure }
                  last: changeAgreementStatus(id: "a1", expectedVersion: 1, status: SIGNED) { id title }
                }
                """);
        assertNull(body.get("errors"), String.valueOf(body.get("errors")));
        assertEquals(List.of("first", "control", "last"), List.copyOf(((Map<?, ?>) body.get("data")).keySet()));
        List<Received> agreements = coalition.stub("agreements").received();
        List<Received> minerals = coalition.stub("minerals").received();
        assertEquals(2, agreements.size());
        assertTrue(agreements.get(0).sequence() < minerals.get(0).sequence());
        assertTrue(minerals.get(0).sequence() < agreements.get(1).sequence());
        assertTrue(agreements.get(0).query().startsWith("mutation{first:createAgreement"));
    }

    @Test
    void requiresScopesDeniesFieldsWithForbiddenAndNeverSendsThem() {
        Map<String, Object> body = coalition.run("mutation { createAgreement(title: \"X\") { id } }", Map.of(),
                Set.of("member"));
        assertNull(body.get("data"));
        assertEquals("FORBIDDEN", at(body, "errors", 0, "extensions", "code"));
        assertEquals(List.of("createAgreement"), at(body, "errors", 0, "path"));
        assertEquals(0, coalition.totalRequests());

        Map<String, Object> history = coalition.run("{ agreement(id: \"a1\") { title history } }", Map.of(), Set.of("member"));
        assertNull(at(history, "data", "agreement"), "history is non-null, so the agreement becomes null");
        assertEquals(List.of("agreement", "history"), at(history, "errors", 0, "path"));
        assertFalse(coalition.stub("agreements").received().get(0).query().contains("history"));

        Map<String, Object> asAdmin = coalition.run("{ agreement(id: \"a1\") { title history } }", Map.of(), Set.of("admin"));
        assertEquals(List.of("created"), at(asAdmin, "data", "agreement", "history"));
    }

    @Test
    void requiresProvidesOverrideAndShareable() {
        Map<String, Object> body = features.run("""
                { products { upc price shippingEstimate inStock }
                  topReviews { author { name } } }
                """);
        assertNull(body.get("errors"));
        assertEquals(Map.of("upc", "p1", "price", 100, "shippingEstimate", 7, "inStock", true), at(body, "data", "products", 0));
        assertEquals("Ada (from shipping)", at(body, "data", "topReviews", 0, "author", "name"), "@provides: no accounts call");
        assertEquals(0, features.stub("accounts").requestCount());
        Received estimate = features.stub("shipping").received().stream()
                .filter(r -> r.query().contains("shippingEstimate")).findFirst().orElseThrow();
        assertEquals(List.of(Map.of("__typename", "Product", "upc", "p1", "price", 100, "weight", 2),
                Map.of("__typename", "Product", "upc", "p2", "price", 50, "weight", 1)),
                estimate.variables().get("representations"));
    }

    @Test
    void interfacesAndUnionsAcrossSubgraphs() {
        Map<String, Object> body = features.run("""
                { search(term: "li") { __typename ... on Media { title } ... on Book { pages } ... on Movie { durationMinutes } ... on Product { name } }
                  media { id ... on Book { isbn pages } } }
                """);
        assertNull(body.get("errors"), String.valueOf(body.get("errors")));
        assertEquals(Map.of("__typename", "Book", "title", "Rare Earth Frontiers", "pages", 320), at(body, "data", "search", 0));
        assertEquals(Map.of("__typename", "Movie", "title", "The Lithium Triangle", "durationMinutes", 95),
                at(body, "data", "search", 1));
        assertEquals(Map.of("__typename", "Product", "name", "Lithium cell"), at(body, "data", "search", 2));
        assertEquals(Map.of("id", "m1"), at(body, "data", "media", 1));
        assertEquals(2, features.totalRequests());
    }

    @Test
    void introspectionIsAnsweredLocallyFromTheApiSchema() {
        Map<String, Object> body = features.run("""
                { __schema { types { name } } __type(name: "Product") { fields { name } } }
                """);
        String types = String.valueOf(at(body, "data", "__schema", "types"));
        assertFalse(types.contains("join__"), types);
        assertTrue(types.contains("SearchResult"));
        assertFalse(String.valueOf(at(body, "data", "__type")).contains("internalCode"));
        assertEquals(0, features.totalRequests());
    }

    @Test
    void subgraphFetchesAreTimedPerSubgraph() {
        coalition.run("{ country(code: \"JP\") { name } }");
        Timer timer = coalition.registry().find(VertxSubgraphClient.FETCH_TIMER).tag("subgraph", "countries").timer();
        assertNotNull(timer);
        assertTrue(timer.count() > 0);
    }
}
