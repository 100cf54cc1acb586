package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.testsupport.TestGateway;

/**
 * {@code @override} and {@code @external}: after {@code price} moved from {@code legacy} to {@code pricing}, every
 * path to it reads {@code pricing} (the stubs answer different prices, so a wrong choice shows), also when it is
 * selected through the interface {@code Priced} that only {@code legacy} declares; a field {@code pricing} marks
 * {@code @external} ({@code stock}) is read from its owner, including when {@code pricing} needs it for
 * {@code @requires}.
 */
class OverrideAndExternalTest {

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway("supergraphs/override.graphql", "override");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void anOverriddenFieldIsReadFromTheOverridingSubgraph() {
        Map<String, Object> body = gateway.run("{ product(id: \"p1\") { name price } }");
        assertNull(body.get("errors"), body.toString());
        assertEquals("Graphite anode", at(body, "data", "product", "name"));
        assertEquals(10.5, at(body, "data", "product", "price"), body.toString());
    }

    @Test
    void anOverriddenFieldSelectedThroughAnInterfaceIsReadFromTheOverridingSubgraphForEveryImplementation() {
        Map<String, Object> body = gateway.run("{ listings { __typename id price } }");
        assertNull(body.get("errors"), body.toString());
        assertEquals(10.5, at(body, "data", "listings", 0, "price"), body.toString());
        assertEquals(20.5, at(body, "data", "listings", 1, "price"), body.toString());
    }

    @Test
    void anExternalFieldIsReadFromItsOwnerAndSentToTheSubgraphThatRequiresIt() {
        gateway.reset();
        Map<String, Object> body = gateway.run("{ product(id: \"p1\") { stock availability } }");
        assertNull(body.get("errors"), body.toString());
        assertEquals(3, at(body, "data", "product", "stock"), body.toString());
        assertEquals("in stock", at(body, "data", "product", "availability"), body.toString());
        String representations = gateway.stub("pricing").received().stream()
                .map(r -> String.valueOf(r.variables().get("representations"))).toList().toString();
        assertEquals(true, representations.contains("stock=3"), "pricing gets legacy's stock: " + representations);
    }
}
