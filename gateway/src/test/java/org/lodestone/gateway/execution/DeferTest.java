package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Document;
import graphql.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.pipeline.GraphQLRequest;
import org.lodestone.gateway.pipeline.GraphQLResponse;
import org.lodestone.gateway.pipeline.RequestContext;
import org.lodestone.gateway.planning.OperationNormalizer;
import org.lodestone.gateway.planning.QueryPlan;
import org.lodestone.gateway.planning.QueryPlanner;
import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.supergraph.SupergraphLoader;
import org.lodestone.gateway.telemetry.OperationListener;
import org.lodestone.gateway.testsupport.TestGateway;

/**
 * {@code @defer}: the initial part is answered as soon as the fetches it needs are done, while a slow subgraph only
 * a deferred fragment needs is still working; the deferred fragment follows with its path and label. A client that
 * cannot take an incremental response gets everything in one result.
 */
class DeferTest {

    private static final long SLOW_MILLIS = 1500;
    private static final String SUPPLY = """
            { countries { code name ... @defer(label: "supply") { supplyShares { sharePct } } } }""";
    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway("supergraphs/coalition.graphql", "coalition");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static GraphQLResponse incremental(String query) {
        return gateway.processor().processIncremental(new GraphQLRequest(query, null, Map.of(), null),
                new RequestContext("Bearer test-token", true, Set.of("admin"), false, false), OperationListener.NONE)
                .await().atMost(Duration.ofSeconds(20));
    }

    private static List<Map<String, Object>> rest(GraphQLResponse response) {
        return response.subsequent().collect().asList().await().atMost(Duration.ofSeconds(20));
    }

    @Test
    void theInitialPartArrivesBeforeTheSlowSubgraphAnswers() {
        incremental(SUPPLY);
        rest(incremental(SUPPLY)); // warm: plans cached, connections open
        gateway.reset();
        gateway.stub("minerals").delay(SLOW_MILLIS);
        long started = System.nanoTime();
        GraphQLResponse response = incremental(SUPPLY);
        long initialMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(response.isIncremental());
        assertTrue(initialMillis < SLOW_MILLIS, "initial part after " + initialMillis + " ms");
        Map<String, Object> initial = response.body();
        assertEquals(true, initial.get("hasNext"));
        assertEquals("United States", at(initial, "data", "countries", 0, "name"));
        assertFalse(((Map<?, ?>) at(initial, "data", "countries", 0)).containsKey("supplyShares"), initial.toString());
        assertEquals(0, gateway.stub("minerals").requestCount(), "the deferred fetch waits until the initial part is out");

        List<Map<String, Object>> rest = rest(response);
        long totalMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(totalMillis >= SLOW_MILLIS, "deferred part after " + totalMillis + " ms");
        assertEquals(1, rest.size(), rest.toString());
        Map<String, Object> last = rest.get(0);
        assertEquals(false, last.get("hasNext"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) last.get("incremental");
        assertEquals(3, items.size(), items.toString());
        assertEquals(List.of("countries", 1), items.get(1).get("path"));
        assertEquals("supply", items.get(1).get("label"));
        assertEquals(Map.of("supplyShares", List.of(Map.of("sharePct", 1.0))), items.get(1).get("data"));
        assertEquals(1, gateway.stub("minerals").requestCount());
    }

    @Test
    void aClientWithoutIncrementalDeliveryGetsOneResult() {
        gateway.reset();
        Map<String, Object> body = gateway.run(SUPPLY);
        assertNull(body.get("errors"), body.toString());
        assertNull(body.get("hasNext"));
        assertEquals(1.0, at(body, "data", "countries", 1, "supplyShares", 0, "sharePct"), body.toString());
    }

    @Test
    void aDeferredRootFieldOfAnotherSubgraphComesLater() {
        gateway.reset();
        GraphQLResponse response = incremental("""
                { countries { code } ... @defer { minerals { name } } }""");
        assertEquals(Map.of("countries", List.of(Map.of("code", "US"), Map.of("code", "JP"), Map.of("code", "DE"))),
                response.body().get("data"));
        List<Map<String, Object>> rest = rest(response);
        assertEquals(1, rest.size());
        assertEquals(List.of(), at(rest.get(0), "incremental", 0, "path"));
        assertEquals("Lithium", at(rest.get(0), "incremental", 0, "data", "minerals", 0, "name"));
        assertNull(at(rest.get(0), "incremental", 0, "label"));
    }

    @Test
    void nestedDeferredFragmentsArriveOuterFirst() {
        gateway.reset();
        GraphQLResponse response = incremental("""
                { country(code: "JP") { code ... @defer(label: "outer") { supplyShares { sharePct
                    mineral { id ... @defer(label: "inner") { name } } } } } }""");
        assertEquals(Map.of("country", Map.of("code", "JP")), response.body().get("data"));
        List<Map<String, Object>> rest = rest(response);
        assertEquals(2, rest.size(), rest.toString());
        assertEquals(true, rest.get(0).get("hasNext"));
        assertEquals("outer", at(rest.get(0), "incremental", 0, "label"));
        assertEquals("lithium", at(rest.get(0), "incremental", 0, "data", "supplyShares", 0, "mineral", "id"));
        assertNull(at(rest.get(0), "incremental", 0, "data", "supplyShares", 0, "mineral", "name"));
        assertEquals("inner", at(rest.get(1), "incremental", 0, "label"));
        assertEquals(List.of("country", "supplyShares", 0, "mineral"), at(rest.get(1), "incremental", 0, "path"));
        assertEquals(Map.of("name", "Lithium"), at(rest.get(1), "incremental", 0, "data"));
        assertEquals(false, rest.get(1).get("hasNext"));
    }

    @Test
    void aDeferredFragmentSwitchedOffByItsConditionIsAnsweredInline() {
        gateway.reset();
        GraphQLResponse response = incremental("""
                { countries { code ... @defer(if: false) { name } } }""");
        assertFalse(response.isIncremental());
        assertEquals("United States", at(response.body(), "data", "countries", 0, "name"));
    }

    @Test
    void aMutationRunsItsDeferredFragmentsInline() {
        gateway.reset();
        GraphQLResponse response = incremental("""
                mutation { recordExportControl(input: {imposingCountry: "CN", minerals: ["graphite"], measure: "licence"})
                  { id ... @defer { measure } } }""");
        assertFalse(response.isIncremental());
        assertNull(response.body().get("errors"), response.body().toString());
        assertEquals("ec2", at(response.body(), "data", "recordExportControl", "id"));
    }

    @Test
    void deferIsInThePublicSchema() {
        Map<String, Object> body = gateway.run("{ __schema { directives { name locations } } }");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> directives = (List<Map<String, Object>>) at(body, "data", "__schema", "directives");
        assertTrue(directives.stream().anyMatch(d -> d.get("name").equals("defer")
                && d.get("locations").equals(List.of("FRAGMENT_SPREAD", "INLINE_FRAGMENT"))), directives.toString());
    }

    @Test
    void thePlanPutsTheFetchesOnlyADeferredFragmentNeedsInItsOwnPart() {
        Supergraph supergraph = SupergraphLoader.load("classpath:supergraphs/coalition.graphql");
        Document document = Parser.parse(SUPPLY);
        QueryPlan plan = new QueryPlanner(supergraph).plan(OperationNormalizer.normalize(supergraph.apiSchema(),
                document, OperationNormalizer.selectOperation(document, null), Map.of(), true));
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(countries, #0) query{countries{code name __typename}}
                  }
                  Deferred #0 "supply" {
                    Level 1 {
                      Fetch(minerals, #1) [Country @ countries.@ {__typename code}] query($representations:[_Any!]!){_entities(representations:$representations){...on Country{supplyShares{sharePct}}}}
                    }
                  }
                }""", plan.toString());
    }
}
