package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.planning.QueryPlan;
import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.supergraph.SupergraphLoader;
import org.lodestone.gateway.testsupport.Supergraphs;
import org.lodestone.gateway.testsupport.TestGateway;

/**
 * Shareable value types (no key) planned through their parent, root fields of a value type spread over
 * subgraphs, and keys the current subgraph cannot provide (an extra step fetches them first).
 */
class ValueTypesAndKeysTest {

    private static final Supergraph VALUE_TYPES = SupergraphLoader.load("classpath:supergraphs/value-types.graphql");
    private static final Supergraph KEYS = SupergraphLoader.load("classpath:supergraphs/keys.graphql");
    private static TestGateway valueTypes;
    private static TestGateway keys;

    @BeforeAll
    static void start() {
        valueTypes = new TestGateway("supergraphs/value-types.graphql", "value-types");
        keys = new TestGateway("supergraphs/keys.graphql", "keys");
    }

    @AfterAll
    static void stop() {
        valueTypes.close();
        keys.close();
    }

    @Test
    void valueTypeFieldsMissingInTheCurrentSubgraphAreFetchedThroughTheParentEntity() {
        QueryPlan plan = Supergraphs.plan(VALUE_TYPES, "{ products { name dimensions { width height weight } } }");
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(products, #0) query{products{name __typename id dimensions{width height}}}
                  }
                  Level 1 {
                    Fetch(inventory, #1) [Product @ products.@ {__typename id}] query($representations:[_Any!]!){_entities(representations:$representations){...on Product{dimensions{weight}}}}
                  }
                }""", plan.toString());
        Map<String, Object> body = valueTypes.run("{ products { name dimensions { width height weight } } }");
        assertNull(body.get("errors"), body.toString());
        assertEquals(Map.of("width", 1.5, "height", 6.5, "weight", 0.05), at(body, "data", "products", 0, "dimensions"));
        assertEquals(0.02, at(body, "data", "products", 1, "dimensions", "weight"));
    }

    @Test
    void aRootFieldOfAValueTypeIsAskedFromEachSubgraphHoldingPartOfIt() {
        QueryPlan plan = Supergraphs.plan(VALUE_TYPES, "{ settings { currency warehouse } }");
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(inventory, #0) query{settings{warehouse}}
                    Fetch(products, #1) query{settings{currency}}
                  }
                }""", plan.toString());
        Map<String, Object> body = valueTypes.run("{ settings { currency warehouse } }");
        assertEquals(Map.of("currency", "EUR", "warehouse", "Rotterdam"), at(body, "data", "settings"), body.toString());
    }

    @Test
    void aKeyTheCurrentSubgraphLacksIsFetchedFirstFromOneThatHasIt() {
        QueryPlan plan = Supergraphs.plan(KEYS, "{ topReviewers { reviewCount plan } }");
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(reviews, #0) query{topReviewers{reviewCount __typename id}}
                  }
                  Level 1 {
                    Fetch(accounts, #1) [User @ topReviewers.@ {__typename id}] query($representations:[_Any!]!){_entities(representations:$representations){...on User{email}}}
                  }
                  Level 2 {
                    Fetch(billing, #2) [User @ topReviewers.@ {__typename email}] query($representations:[_Any!]!){_entities(representations:$representations){...on User{plan}}}
                  }
                }""", plan.toString());
        Map<String, Object> body = keys.run("{ topReviewers { reviewCount plan } }");
        assertNull(body.get("errors"), body.toString());
        assertEquals(Map.of("reviewCount", 7, "plan", "pro"), at(body, "data", "topReviewers", 0));
        assertEquals(Map.of("reviewCount", 2, "plan", "basic"), at(body, "data", "topReviewers", 1));
    }
}
