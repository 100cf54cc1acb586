package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.supergraph.SupergraphLoader;
import org.lodestone.gateway.testsupport.Supergraphs;
import org.lodestone.gateway.testsupport.TestGateway;

/**
 * Subgraph b sees the entity interface {@code Node} as an {@code @interfaceObject} with a key it cannot
 * resolve ({@code resolvable: false}): it only returns references, which subgraph a completes.
 */
class NonResolvableInterfaceObjectTest {

    private static final Supergraph SUPERGRAPH = SupergraphLoader.load("classpath:supergraphs/interface-object-ref.graphql");
    private static final String QUERY = "{ popular { __typename id ... on Article { title } ... on Video { lengthSeconds } } }";
    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway("supergraphs/interface-object-ref.graphql", "interface-object-ref");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void referencesFromTheNonResolvableSubgraphAreCompletedByTheInterfaceOwner() {
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(b, #0) query{popular{__typename id}}
                  }
                  Level 1 {
                    Fetch(a, #1) [Node @ popular.@ {__typename id}] query($representations:[_Any!]!){_entities(representations:$representations){...on Node{__typename ...on Article{title} ...on Video{lengthSeconds}}}}
                  }
                }""", Supergraphs.plan(SUPERGRAPH, QUERY).toString());
        Map<String, Object> body = gateway.run(QUERY);
        assertNull(body.get("errors"), String.valueOf(body.get("errors")));
        assertEquals(Map.of("__typename", "Video", "id", "v1", "lengthSeconds", 300), at(body, "data", "popular", 0));
        assertEquals(Map.of("__typename", "Article", "id", "a1", "title", "Gallium controls explained"),
                at(body, "data", "popular", 1));
    }

    @Test
    void theNonResolvableSubgraphIsNeverAskedForEntities() {
        String query = "{ nodes { id ... on Article { title } } }";
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(a, #0) query{nodes{__typename id ...on Article{title}}}
                  }
                }""", Supergraphs.plan(SUPERGRAPH, query).toString());
        gateway.reset();
        Map<String, Object> body = gateway.run(query);
        assertNull(body.get("errors"), String.valueOf(body.get("errors")));
        assertEquals(List.of(Map.of("id", "a1", "title", "Gallium controls explained"), Map.of("id", "v1")),
                at(body, "data", "nodes"));
        assertEquals(0, gateway.stub("b").requestCount());
    }
}
