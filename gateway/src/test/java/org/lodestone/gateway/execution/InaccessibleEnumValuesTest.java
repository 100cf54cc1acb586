package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.planning.QueryPlan;
import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.supergraph.SupergraphLoader;
import org.lodestone.gateway.testsupport.Supergraphs;
import org.lodestone.gateway.testsupport.TestGateway;

/** An {@code @inaccessible} enum value a subgraph returns never reaches the client: the field is nulled with an error. */
class InaccessibleEnumValuesTest {

    private static final Supergraph SUPERGRAPH = SupergraphLoader.load("classpath:supergraphs/inaccessible.graphql");
    private static final String QUERY = "{ items { name availability } }";
    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway("supergraphs/inaccessible.graphql", "inaccessible");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theEnumFieldIsFetchedFromItsSubgraphAsUsual() {
        QueryPlan plan = Supergraphs.plan(SUPERGRAPH, QUERY);
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(catalog, #0) query{items{name __typename id}}
                  }
                  Level 1 {
                    Fetch(stock, #1) [Item @ items.@ {__typename id}] query($representations:[_Any!]!){_entities(representations:$representations){...on Item{availability}}}
                  }
                }""", plan.toString());
    }

    @Test
    void aNullableFieldWithAnInaccessibleValueBecomesNullWithAnError() {
        Map<String, Object> body = gateway.run(QUERY);
        assertEquals("IN_STOCK", at(body, "data", "items", 0, "availability"), body.toString());
        assertEquals("desk", at(body, "data", "items", 1, "name"));
        assertNull(at(body, "data", "items", 1, "availability"));
        assertEquals("BACKORDER", at(body, "data", "items", 2, "availability"));
        assertEquals(List.of("items", 1, "availability"), at(body, "errors", 0, "path"));
        assertEquals(1, ((List<?>) body.get("errors")).size(), body.toString());
        assertFalse(body.toString().contains("QUARANTINED"), body.toString());
    }

    @Test
    void aNonNullFieldWithAnInaccessibleValueNullsItsNearestNullableParent() {
        Map<String, Object> body = gateway.run("{ items { name lastAvailability } }");
        assertEquals(Map.of("name", "lamp", "lastAvailability", "IN_STOCK"), at(body, "data", "items", 0), body.toString());
        assertEquals(Map.of("name", "desk", "lastAvailability", "BACKORDER"), at(body, "data", "items", 1));
        assertNull(at(body, "data", "items", 2));
        assertEquals(List.of("items", 2, "lastAvailability"), at(body, "errors", 0, "path"));
        assertEquals(1, ((List<?>) body.get("errors")).size(), body.toString());
        assertFalse(body.toString().contains("QUARANTINED"), body.toString());
    }
}
