package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.testsupport.StubSubgraph;
import org.lodestone.gateway.testsupport.TestGateway;

/**
 * {@code Query.featured} is {@code Node} in the supergraph and in {@code media}, but {@code catalog} declares it
 * {@code Product} ({@code @join__field(graph: CATALOG, type: "Product")}, as Apollo's composition writes it). A
 * subgraph is sent only the type conditions its own schema has for the field: {@code catalog} never sees
 * {@code ... on Movie}, which its schema would refuse.
 */
class NarrowerSubgraphTypeTest {

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway("classpath:supergraphs/apollo/narrow-types.graphql",
                name -> StubSubgraph.start("narrow-types", name));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void typeConditionsTheSubgraphsOwnTypeCannotHaveAreNotSentToIt() {
        gateway.reset();
        Map<String, Object> body = gateway.run(
                "{ featured { __typename id ... on Product { name } ... on Movie { title } } }");
        assertNull(body.get("errors"), body.toString());
        assertEquals("Product", at(body, "data", "featured", "__typename"), body.toString());
        assertEquals("Cobalt sulphate", at(body, "data", "featured", "name"), body.toString());
        String sentToCatalog = gateway.stub("catalog").received().get(0).query();
        assertFalse(sentToCatalog.contains("Movie"), sentToCatalog);
    }
}
