package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.testsupport.StubSubgraph;
import org.lodestone.gateway.testsupport.TestGateway;

/**
 * {@code @requires(fields: "price(currency: \"EUR\")")}: the gateway asks the owner for the required field with its
 * arguments, under an alias of its own so that the client's own {@code price(currency: "USD")} (before or after it)
 * keeps its meaning, and sends the value to {@code shipping} under the field's name.
 */
class RequiresWithArgumentsTest {

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway("supergraphs/requires-args.graphql", "requires-args");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theRequiredFieldIsFetchedWithItsArgumentsAndSentUnderItsName() {
        gateway.reset();
        Map<String, Object> body = gateway.run("{ products { id shippingEstimate } }");
        assertNull(body.get("errors"), body.toString());
        assertEquals(3.25, at(body, "data", "products", 0, "shippingEstimate"));
        String catalogQuery = gateway.stub("catalog").received().get(0).query();
        assertTrue(catalogQuery.contains("price(currency:\"EUR\")") || catalogQuery.contains("price(currency: \"EUR\")"),
                catalogQuery);
        StubSubgraph.Received toShipping = gateway.stub("shipping").received().get(0);
        assertEquals("[{__typename=Product, id=p1, price=12.5}]",
                String.valueOf(toShipping.variables().get("representations")));
    }

    @Test
    void theClientsOwnSelectionOfTheSameFieldWithOtherArgumentsKeepsItsMeaning() {
        for (String query : new String[] {
                "{ products { price(currency: \"USD\") shippingEstimate } }",
                "{ products { shippingEstimate price(currency: \"USD\") } }" }) {
            gateway.reset();
            Map<String, Object> body = gateway.run(query);
            assertNull(body.get("errors"), body.toString());
            assertEquals(12.5, at(body, "data", "products", 0, "price"), body.toString());
            assertEquals(3.25, at(body, "data", "products", 0, "shippingEstimate"), body.toString());
            String catalogQuery = gateway.stub("catalog").received().get(0).query();
            assertTrue(catalogQuery.contains("\"USD\"") && catalogQuery.contains("\"EUR\""), catalogQuery);
            assertEquals(1, ((Map<?, ?>) at(body, "data", "products", 0)).keySet().stream()
                    .filter(k -> k.toString().startsWith("price")).count(), body.toString());
        }
    }
}
