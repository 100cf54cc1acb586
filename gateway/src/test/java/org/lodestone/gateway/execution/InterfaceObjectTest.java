package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.gateway.testsupport.Supergraphs;
import org.lodestone.gateway.testsupport.TestGateway;
import org.lodestone.gateway.supergraph.SupergraphLoader;

/** Subgraph b adds {@code views} to the entity interface {@code Node} of subgraph a through @interfaceObject. */
class InterfaceObjectTest {

    @Test
    void fieldsOfAnInterfaceObjectAreFetchedWithTheInterfaceName() {
        String plan = Supergraphs.plan(SupergraphLoader.load("classpath:supergraphs/interface-object.graphql"),
                "{ nodes { id views } }").toString();
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(a, #0) query{nodes{__typename id}}
                  }
                  Level 1 {
                    Fetch(b, #1) [Node @ nodes.@ {__typename id}] query($representations:[_Any!]!){_entities(representations:$representations){...on Node{views}}}
                  }
                }""", plan);
        try (TestGateway gateway = new TestGateway("supergraphs/interface-object.graphql", "interface-object")) {
            Map<String, Object> body = gateway.run("{ nodes { __typename id views ... on Article { title } } }");
            assertNull(body.get("errors"), String.valueOf(body.get("errors")));
            assertEquals(Map.of("__typename", "Article", "id", "a1", "views", 10, "title", "Gallium controls explained"),
                    at(body, "data", "nodes", 0));
            assertEquals(List.of(Map.of("__typename", "Node", "id", "a1"), Map.of("__typename", "Node", "id", "v1")),
                    gateway.stub("b").received().get(0).variables().get("representations"));
        }
    }

    @Test
    void objectsFromAnInterfaceObjectSubgraphGetTheirConcreteTypeFromTheInterfaceOwner() {
        try (TestGateway gateway = new TestGateway("supergraphs/interface-object.graphql", "interface-object")) {
            Map<String, Object> body = gateway.run("""
                    { popular { __typename id views ... on Article { title } ... on Video { lengthSeconds } } }
                    """);
            assertNull(body.get("errors"), String.valueOf(body.get("errors")));
            assertEquals(Map.of("__typename", "Video", "id", "v1", "views", 99, "lengthSeconds", 300),
                    at(body, "data", "popular", 0));
            assertEquals(Map.of("__typename", "Article", "id", "a1", "views", 10, "title", "Gallium controls explained"),
                    at(body, "data", "popular", 1));
            assertEquals(1, gateway.stub("a").requestCount());
            assertEquals(1, gateway.stub("b").requestCount());
        }
    }
}
