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
 * A root field several subgraphs resolve goes to the one that needs the fewest jumps, so a subgraph whose
 * {@code @provides} covers the selection wins over one earlier in supergraph order.
 */
class SubgraphChoiceTest {

    private static final Supergraph PROVIDES = SupergraphLoader.load("classpath:supergraphs/provides.graphql");
    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway("supergraphs/provides.graphql", "provides");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theSubgraphWhoseProvidesCoversTheSelectionAnswersAlone() {
        QueryPlan plan = Supergraphs.plan(PROVIDES, "{ latest { title } }");
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(feed, #0) query{latest{title}}
                  }
                }""", plan.toString());
        gateway.reset();
        Map<String, Object> body = gateway.run("{ latest { title } }");
        assertEquals("Gallium licences (feed)", at(body, "data", "latest", 0, "title"), body.toString());
        assertEquals(1, gateway.totalRequests());
    }

    @Test
    void fieldsBeyondTheProvidedOnesStillJumpToTheirOwner() {
        QueryPlan plan = Supergraphs.plan(PROVIDES, "{ latest { title body } }");
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(feed, #0) query{latest{title __typename id}}
                  }
                  Level 1 {
                    Fetch(posts, #1) [Post @ latest.@ {__typename id}] query($representations:[_Any!]!){_entities(representations:$representations){...on Post{body}}}
                  }
                }""", plan.toString());
        Map<String, Object> body = gateway.run("{ latest { title body } }");
        assertNull(body.get("errors"), body.toString());
        assertEquals("Text", at(body, "data", "latest", 0, "body"), body.toString());
    }
}
