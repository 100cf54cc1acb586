package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.lodestone.gateway.testsupport.TestGateway;


/**
 * No gateway code knows any type or field: a subgraph that adds {@code Country.capital}, recomposed,
 * makes it queryable through the unchanged gateway.
 */
class SchemaDrivenTest {

    private static final String QUERY = "{ countries { name capital agreements { title } } }";

    @Test
    void fieldAddedToASubgraphBecomesQueryableAfterRecomposition() {
        try (TestGateway before = new TestGateway("supergraphs/coalition.graphql", "coalition")) {
            Map<String, Object> body = before.run(QUERY);
            assertEquals("BAD_USER_INPUT", at(body, "errors", 0, "extensions", "code"));
            assertEquals(0, before.totalRequests());
        }
        try (TestGateway after = new TestGateway("supergraphs/coalition-extended.graphql", "coalition",
                Map.of("countries", "coalition-extended"))) {
            Map<String, Object> body = after.run(QUERY);
            assertNull(body.get("errors"), String.valueOf(body.get("errors")));
            assertEquals("Tokyo", at(body, "data", "countries", 1, "capital"));
            assertEquals("US-Japan Critical Minerals Agreement", at(body, "data", "countries", 1, "agreements", 0, "title"));
        }
    }
}
