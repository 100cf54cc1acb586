package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.testsupport.TestGateway;

/**
 * {@code code} is {@code String} on both {@code Product} and {@code Movie} in the supergraph, but {@code media}
 * declares {@code Product.code: String!} and {@code Movie.code: String}. Sibling type conditions selecting
 * {@code code} are valid for the client, and would not be for {@code media}: the gateway aliases one of them in
 * the subgraph document and answers under the client's response key.
 */
class SiblingFieldTypesTest {

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway("supergraphs/nullability.graphql", "nullability");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void siblingFragmentsWhoseFieldDiffersInNullabilityInTheSubgraphAreAliasedThere() {
        gateway.reset();
        Map<String, Object> body = gateway.run(
                "{ nodes { __typename id ... on Product { code } ... on Movie { code } } }");
        assertNull(body.get("errors"), body.toString());
        assertEquals("P-1", at(body, "data", "nodes", 0, "code"), body.toString());
        assertNull(at(body, "data", "nodes", 1, "code"), body.toString());
        assertEquals("M-2", at(body, "data", "nodes", 2, "code"), body.toString());
        String sent = gateway.stub("media").received().get(0).query();
        assertTrue(sent.contains("_lodestoneT_code:code"), sent);
    }
}
