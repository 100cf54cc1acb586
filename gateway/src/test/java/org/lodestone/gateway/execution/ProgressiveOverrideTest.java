package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.lodestone.gateway.testsupport.TestGateway;

/**
 * Progressive {@code @override(from: "legacy", label: ...)}: the stubs answer different values ({@code legacy} 1, 3;
 * {@code pricing} 10.5, 2, 30), so the value shows which subgraph was read. {@code percent(100)} always reads
 * {@code pricing}, {@code percent(0)} never, {@code percent(50)} about half the time, and a named label only when
 * the configuration switches it on.
 */
class ProgressiveOverrideTest {

    private static final String QUERY = "{ product(id: \"p1\") { name price weight stock } }";

    @Test
    void percentLabelsAtTheEndsAndANamedLabelLeftOff() {
        try (TestGateway gateway = new TestGateway("supergraphs/progressive.graphql", "progressive")) {
            Map<String, Object> body = gateway.run(QUERY);
            assertNull(body.get("errors"), body.toString());
            assertEquals("Graphite anode", at(body, "data", "product", "name"));
            assertEquals(10.5, at(body, "data", "product", "price"), "percent(100): pricing " + body);
            assertEquals(1.0, at(body, "data", "product", "weight"), "weights-v2 off: legacy " + body);
            assertEquals(3, at(body, "data", "product", "stock"), "percent(0): legacy " + body);
        }
    }

    @Test
    void aNamedLabelTheConfigurationSwitchesOnMovesItsField() {
        try (TestGateway gateway = TestGateway.withOverrideLabels("supergraphs/progressive.graphql", "progressive",
                Set.of("weights-v2"))) {
            Map<String, Object> body = gateway.run(QUERY);
            assertNull(body.get("errors"), body.toString());
            assertEquals(2.0, at(body, "data", "product", "weight"), "weights-v2 on: pricing " + body);
            assertEquals(3, at(body, "data", "product", "stock"), body.toString());
        }
    }

    @Test
    void percentFiftySendsAboutHalfTheRequestsToTheOverridingSubgraph() {
        try (TestGateway gateway = new TestGateway("supergraphs/progressive.graphql", "progressive")) {
            int requests = 100;
            int fromPricing = 0;
            for (int i = 0; i < requests; i++) {
                Map<String, Object> body = gateway.run("{ product(id: \"p1\") { rating } }");
                assertNull(body.get("errors"), body.toString());
                if (Double.valueOf(2.0).equals(at(body, "data", "product", "rating"))) {
                    fromPricing++;
                }
            }
            // Binomial(100, 0.5): outside 20..80 with a probability below 1e-9.
            assertTrue(fromPricing >= 20 && fromPricing <= 80, fromPricing + " of " + requests + " from pricing");
        }
    }
}
