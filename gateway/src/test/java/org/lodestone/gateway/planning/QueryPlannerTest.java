package org.lodestone.gateway.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.supergraph.SupergraphLoader;
import org.lodestone.gateway.testsupport.Supergraphs;


/** Planning without any network: printed plans on small composed supergraphs. */
class QueryPlannerTest {

    static final String COALITION_QUERY = """
            {
              countries(coalitionOnly: true) {
                code name
                dependencies { indicator value mineral { id name } }
                agreements {
                  id title
                  parties { code name }
                  commitments { id description obligor { code name } }
                  minerals { id name concentration(stage: REFINING) { hhi top3SharePct chinaSharePct leader { code name } } }
                }
              }
            }
            """;

    private final Supergraph coalition = Supergraphs.coalition();
    private final Supergraph features = Supergraphs.features();

    @Test
    void rootFieldsOfOneSubgraphShareOneFetchAndOnlyRequestedFieldsAreForwarded() {
        QueryPlan plan = Supergraphs.plan(coalition, """
                { me { username } country(code: "JP") { name } minerals { name } }
                """);
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(countries, #0) query{me{username} country(code: "JP"){name}}
                    Fetch(minerals, #1) query{minerals{name}}
                  }
                }""", plan.toString());
    }

    @Test
    void fieldsOwnedElsewhereGoThroughEntitiesWithKeyFields() {
        QueryPlan plan = Supergraphs.plan(coalition, """
                { country(code: "JP") { name agreements { title } supplyShares { sharePct } } }
                """);
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(countries, #0) query{country(code: "JP"){name __typename code}}
                  }
                  Level 1 {
                    Fetch(agreements, #1) [Country @ country {__typename code}] query($representations:[_Any!]!){_entities(representations:$representations){...on Country{agreements{title}}}}
                    Fetch(minerals, #2) [Country @ country {__typename code}] query($representations:[_Any!]!){_entities(representations:$representations){...on Country{supplyShares{sharePct}}}}
                  }
                }""", plan.toString());
    }

    @Test
    void coalitionQueryNeedsOneFetchPerSubgraphPerLevel() {
        QueryPlan plan = Supergraphs.plan(coalition, COALITION_QUERY);
        assertOneFetchPerSubgraphPerLevel(plan);
        assertEquals(List.of(1, 2, 2, 1), plan.phases().get(0).stages().stream().map(s -> s.fetches().size()).toList(),
                plan.toString());
        // Parties and obligors are both Countries needing {name}: one representations list.
        Fetch countryNames = plan.phases().get(0).stages().get(2).fetches().stream()
                .filter(f -> f.subgraph().equals("countries")).findFirst().orElseThrow();
        assertEquals(1, countryNames.jumps().size(), plan.toString());
        assertEquals(2, countryNames.jumps().get(0).paths().size(), plan.toString());
    }

    @Test
    void entitiesReachedThroughSeveralPathsShareOneRepresentationList() {
        QueryPlan united = Supergraphs.plan(coalition,
                "{ agreements { minerals { name } commitments { mineral { symbol } } } }");
        assertTrue(united.toString().contains("Fetch(minerals, #1) [Mineral @ agreements.@.minerals.@ + "
                + "agreements.@.commitments.@.mineral {__typename id}] query($representations:[_Any!]!)"
                + "{_entities(representations:$representations){...on Mineral{name symbol}}}"), united.toString());
        // The same response key with different arguments cannot share a selection: two calls, one request.
        QueryPlan clashing = Supergraphs.plan(coalition, """
                { agreements { minerals { c: concentration(stage: MINING) { hhi } }
                  commitments { mineral { c: concentration(stage: REFINING) { hhi } } } } }
                """);
        assertEquals(2, clashing.fetchCount());
        assertEquals(2, clashing.fetches().get(1).jumps().size(), clashing.toString());
    }

    @Test
    void requiresFieldsAreFetchedFirstAndSentInTheRepresentation() {
        QueryPlan plan = Supergraphs.plan(features, "{ products { name shippingEstimate } }");
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(catalog, #0) query{products{name __typename upc price weight}}
                  }
                  Level 1 {
                    Fetch(shipping, #1) [Product @ products.@ {__typename upc price weight}] query($representations:[_Any!]!){_entities(representations:$representations){...on Product{shippingEstimate}}}
                  }
                }""", plan.toString());
    }

    @Test
    void requiresFieldsExternalToTheCurrentSubgraphAddALevel() {
        QueryPlan plan = Supergraphs.plan(features, "{ topReviews { product { shippingEstimate } } }");
        assertEquals(3, plan.phases().get(0).stages().size(), plan.toString());
        assertTrue(plan.toString().contains("Level 2 {\n    Fetch(shipping, #2) [Product @ topReviews.@.product {__typename upc price weight}]"),
                plan.toString());
    }

    @Test
    void providesLetsTheCurrentSubgraphAnswerAnExternalField() {
        assertEquals(1, Supergraphs.plan(features, "{ topReviews { author { name } } }").fetchCount());
        QueryPlan withoutProvides = Supergraphs.plan(features, "{ topReviews { author { email } } }");
        assertEquals(2, withoutProvides.fetchCount());
        assertTrue(withoutProvides.toString().contains("Fetch(accounts, #1) [User @ topReviews.@.author {__typename id}]"));
    }

    @Test
    void overriddenFieldComesFromTheOverridingSubgraph() {
        QueryPlan plan = Supergraphs.plan(features, "{ products { inStock } }");
        assertTrue(plan.toString().contains("Fetch(shipping, #1) [Product @ products.@ {__typename upc}]"
                + " query($representations:[_Any!]!){_entities(representations:$representations){...on Product{inStock}}}"),
                plan.toString());
    }

    @Test
    void shareableFieldsStayInTheCurrentSubgraph() {
        assertEquals("query{products{price}}", Supergraphs.plan(features, "{ products { price } }").fetches().get(0).operation());
        assertEquals("query{users{favouriteProduct{price}}}",
                Supergraphs.plan(features, "{ users { favouriteProduct { price } } }").fetches().get(0).operation());
    }

    @Test
    void unionsAndInterfacesPlanPerConcreteTypeAcrossSubgraphs() {
        QueryPlan plan = Supergraphs.plan(features, """
                { search(term: "li") { ... on Book { title pages } ... on Movie { durationMinutes } }
                  media { title ... on Book { pages } } }
                """);
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(catalog, #0) query{search(term: "li"){__typename ...on Book{title __typename id} ...on Movie{__typename id}} media{__typename title ...on Book{__typename id}}}
                  }
                  Level 1 {
                    Fetch(shipping, #1) [Book @ search.@ + media.@ {__typename id}, Movie @ search.@ {__typename id}] query($representations0:[_Any!]!,$representations1:[_Any!]!){_0:_entities(representations:$representations0){...on Book{pages}} _1:_entities(representations:$representations1){...on Movie{durationMinutes}}}
                  }
                }""", plan.toString());
    }

    @Test
    void typeConditionsOnlyForTypesTheSubgraphCanReturnThere() {
        Supergraph abstractTypes = SupergraphLoader.load("classpath:supergraphs/abstract.graphql");
        // Video does not implement Node in media: media would reject "...on Video" inside Node.
        QueryPlan plan = Supergraphs.plan(abstractTypes, """
                { recent { id ... on Video { lengthSeconds } ... on Article { words title } } }
                """);
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(media, #0) query{recent{__typename id ...on Article{words __typename id}}}
                  }
                  Level 1 {
                    Fetch(library, #1) [Article @ recent.@ {__typename id}] query($representations:[_Any!]!){_entities(representations:$representations){...on Article{title}}}
                  }
                }""", plan.toString());
        assertEquals(Set.of("Article"), abstractTypes.possibleTypesIn("Node", "MEDIA"));
        assertEquals(Set.of("Article", "Video"), abstractTypes.possibleTypesIn("Node", "LIBRARY"));
    }

    @Test
    void mutationsRunInOrderOnePhasePerSubgraphChange() {
        QueryPlan plan = Supergraphs.plan(coalition, """
                mutation {
                  first: createAgreement(title: "A") { id parties { name } }
                  second: createAgreement(title: "B") { id }
                  control: recordExportControl(input: {imposingCountry: "CN", minerals: ["gallium"], measure: "ban"}) { id }
                  third: changeAgreementStatus(id: "a1", expectedVersion: 1, status: SIGNED) { status }
                }
                """);
        assertEquals(3, plan.phases().size());
        List<Fetch> roots = plan.fetches().stream().filter(Fetch::isRoot).toList();
        assertEquals(List.of("agreements", "minerals", "agreements"), roots.stream().map(Fetch::subgraph).toList());
        assertEquals(List.of("first", "second"), roots.get(0).rootKeys());
        assertTrue(roots.get(0).operation().startsWith("mutation{first:createAgreement"), roots.get(0).operation());
        assertTrue(plan.fetches().stream().filter(f -> !f.isRoot()).allMatch(f -> f.operation().startsWith("query(")));
    }

    @Test
    void variablesFragmentsAndAliasesAreForwarded() {
        NormalizedOperation operation = Supergraphs.normalize(coalition, """
                query Dossier($code: ID!, $status: AgreementStatus) {
                  c: country(code: $code) { ...Names agreements(status: $status) { t: title } }
                }
                fragment Names on Country { label: name code }
                """, Map.of("code", "JP"));
        QueryPlan plan = new QueryPlanner(coalition).plan(operation);
        assertEquals("query($code:ID!){c:country(code: $code){label:name code __typename}}", plan.fetches().get(0).operation());
        assertEquals("query($representations:[_Any!]!,$status:AgreementStatus){_entities(representations:$representations)"
                + "{...on Country{agreements(status: $status){t:title}}}}", plan.fetches().get(1).operation());
        assertEquals(List.of("status"), plan.fetches().get(1).variables());
    }

    @Test
    void skipAndIncludeAreResolvedWithTheRequestVariables() {
        String query = """
                query ($withAgreements: Boolean!, $lean: Boolean = false) {
                  countries { name @skip(if: $lean) agreements @include(if: $withAgreements) { title } }
                }
                """;
        NormalizedOperation with = Supergraphs.normalize(coalition, query, Map.of("withAgreements", true));
        NormalizedOperation without = Supergraphs.normalize(coalition, query, Map.of("withAgreements", false, "lean", true));
        assertEquals(2, new QueryPlanner(coalition).plan(with).fetchCount());
        QueryPlan lean = new QueryPlanner(coalition).plan(without);
        assertEquals("query{countries{__typename}}", lean.fetches().get(0).operation(),
                "skipped fields are not forwarded: " + lean);
        assertNotEquals(with.canonicalText(), without.canonicalText());
    }

    @Test
    void equivalentOperationsShareOneCachedPlan() {
        PlanCache cache = new PlanCache(10);
        QueryPlanner planner = new QueryPlanner(coalition);
        NormalizedOperation inline = Supergraphs.normalize(coalition, "{ countries { code name } }", Map.of());
        NormalizedOperation fragment = Supergraphs.normalize(coalition,
                "query {\n  countries {\n    ...F\n  }\n}\nfragment F on Country { code name }", Map.of());
        QueryPlan first = cache.get(inline, planner::plan);
        QueryPlan second = cache.get(fragment, planner::plan);
        assertEquals(1, cache.misses());
        assertEquals(1, cache.hits());
        assertEquals(first.toString(), second.toString());
        assertSame(first, cache.get(inline, planner::plan));
    }

    @Test
    void planCacheIsBounded() {
        PlanCache cache = new PlanCache(2);
        QueryPlanner planner = new QueryPlanner(coalition);
        for (String field : List.of("code", "name", "groups")) {
            cache.get(Supergraphs.normalize(coalition, "{ countries { " + field + " } }", Map.of()), planner::plan);
        }
        assertEquals(2, cache.size());
    }

    @Test
    void benchmarkPlanningCachedAndUncached() {
        QueryPlanner planner = new QueryPlanner(coalition);
        NormalizedOperation operation = Supergraphs.normalize(coalition, COALITION_QUERY, Map.of());
        for (int i = 0; i < 500; i++) {
            planner.plan(operation);
        }
        int runs = 2000;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            planner.plan(operation);
        }
        double uncachedMicros = (System.nanoTime() - start) / 1000.0 / runs;
        PlanCache cache = new PlanCache(10);
        cache.get(operation, planner::plan);
        start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            cache.get(operation, planner::plan);
        }
        double cachedMicros = (System.nanoTime() - start) / 1000.0 / runs;
        System.out.printf("Planning the coalition query: uncached %.1f us/op, cached %.2f us/op%n", uncachedMicros,
                cachedMicros);
        assertTrue(cachedMicros < uncachedMicros);
    }

    static void assertOneFetchPerSubgraphPerLevel(QueryPlan plan) {
        for (QueryPlan.Phase phase : plan.phases()) {
            for (QueryPlan.Stage stage : phase.stages()) {
                Set<String> seen = new HashSet<>();
                for (Fetch fetch : stage.fetches()) {
                    assertTrue(seen.add(fetch.subgraph()), "two fetches to " + fetch.subgraph() + " at level "
                            + stage.level() + ":\n" + plan);
                }
            }
        }
        assertFalse(plan.fetches().isEmpty());
    }
}
