package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.supergraph.SupergraphLoader;
import org.lodestone.gateway.testsupport.Supergraphs;
import org.lodestone.gateway.testsupport.TestGateway;

/**
 * Below the root too, an entity field several subgraphs resolve ({@code User.recent}, {@code @shareable} in
 * {@code feed} and {@code shelf}) goes to the subgraph whose {@code @provides} covers the selection ({@code shelf}
 * provides {@code title}), although {@code feed} comes first in supergraph order: one jump instead of two.
 */
class ProvidesBelowRootTest {

    private static final String QUERY = "{ users { name recent { title } } }";
    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway("supergraphs/provides-nested.graphql", "provides-nested");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theProvidingSubgraphAnswersTheNestedField() {
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(users, #0) query{users{name __typename id}}
                  }
                  Level 1 {
                    Fetch(shelf, #1) [User @ users.@ {__typename id}] query($representations:[_Any!]!){_entities(representations:$representations){...on User{recent{title}}}}
                  }
                }""", Supergraphs.plan(SupergraphLoader.load("classpath:supergraphs/provides-nested.graphql"), QUERY)
                .toString());
        gateway.reset();
        Map<String, Object> body = gateway.run(QUERY);
        assertNull(body.get("errors"), body.toString());
        assertEquals("Refining capacity in 2025", at(body, "data", "users", 0, "recent", 0, "title"));
        assertEquals(2, gateway.totalRequests());
        assertEquals(0, gateway.stub("feed").requestCount());
    }

    @Test
    void withoutACoveringProvidesTheFirstSubgraphStillAnswers() {
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(users, #0) query{users{__typename id}}
                  }
                  Level 1 {
                    Fetch(feed, #1) [User @ users.@ {__typename id}] query($representations:[_Any!]!){_entities(representations:$representations){...on User{recent{id}}}}
                  }
                }""", Supergraphs.plan(SupergraphLoader.load("classpath:supergraphs/provides-nested.graphql"),
                "{ users { recent { id } } }").toString());
    }
}
