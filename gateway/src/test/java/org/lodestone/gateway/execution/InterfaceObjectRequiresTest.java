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
 * {@code @requires} on an {@code @interfaceObject} type: {@code search} sees {@code Node} as an interface object and
 * computes {@code slug} from the {@code title} that {@code content} owns. The gateway fetches {@code title} with the
 * objects and sends it in the representation, under the interface name.
 */
class InterfaceObjectRequiresTest {

    private static final String QUERY = "{ nodes { id slug } }";
    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway("supergraphs/interface-object-requires.graphql", "interface-object-requires");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theRequiredFieldTravelsInTheInterfaceRepresentation() {
        assertEquals("""
                QueryPlan(query) {
                  Level 0 {
                    Fetch(content, #0) query{nodes{__typename id title}}
                  }
                  Level 1 {
                    Fetch(search, #1) [Node @ nodes.@ {__typename id title}] query($representations:[_Any!]!){_entities(representations:$representations){...on Node{slug}}}
                  }
                }""", Supergraphs.plan(SupergraphLoader.load("classpath:supergraphs/interface-object-requires.graphql"),
                QUERY).toString());
        gateway.reset();
        Map<String, Object> body = gateway.run(QUERY);
        assertNull(body.get("errors"), body.toString());
        assertEquals(Map.of("id", "a1", "slug", "gallium-export-licences"), at(body, "data", "nodes", 0));
        assertEquals("refining-explained", at(body, "data", "nodes", 1, "slug"));
        assertEquals("[{__typename=Node, id=a1, title=Gallium export licences}, "
                + "{__typename=Node, id=v1, title=Refining explained}]",
                String.valueOf(gateway.stub("search").received().get(0).variables().get("representations")));
    }
}
