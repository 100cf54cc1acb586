package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lodestone.gateway.planning.RealSupergraphTest;
import org.lodestone.gateway.testsupport.StubSubgraph;
import org.lodestone.gateway.testsupport.TestGateway;

/**
 * The committed supergraph over stubs that serve each service's committed subgraph SDL: the
 * coalition query of the federation issue, and how many subgraph requests it costs.
 */
class RealSupergraphExecutionTest {

    @Test
    void coalitionQueryCostsOneRequestPerSubgraphPerLevelWhateverTheCountryCount() throws IOException {
        Assumptions.assumeTrue(getClass().getClassLoader().getResource("supergraph.graphql") != null,
                "supergraph.graphql not committed yet");
        try (TestGateway gateway = new TestGateway("classpath:supergraph.graphql", name -> StubSubgraph.start(name,
                sdl(name), StubSubgraph.resource("subgraphs/real/" + name + ".json")))) {
            Map<String, Object> body = gateway.run(RealSupergraphTest.COALITION_QUERY);
            assertNull(body.get("errors"), String.valueOf(body.get("errors")));
            assertEquals("Japan", at(body, "data", "countries", 1, "name"));
            assertEquals(96.0, at(body, "data", "countries", 0, "dependencies", 0, "mineral", "concentration", "chinaSharePct"));
            assertEquals("Australia", at(body, "data", "countries", 0, "agreements", 1, "parties", 1, "name"));
            assertEquals("China", at(body, "data", "countries", 0, "agreements", 1, "minerals", 0, "concentration", "leader", "name"));
            // Levels: country; mineral + agreement; country + mineral; country (concentration leaders).
            assertEquals(3, gateway.stub("country").requestCount());
            assertEquals(2, gateway.stub("mineral").requestCount());
            assertEquals(1, gateway.stub("agreement").requestCount());
            int runs = 50;
            gateway.reset();
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                gateway.run(RealSupergraphTest.COALITION_QUERY);
            }
            System.out.printf("Real supergraph coalition query via stubs: %.2f ms/op, %d subgraph requests/op%n",
                    (System.nanoTime() - start) / 1e6 / runs, gateway.totalRequests() / runs);
        }
    }

    private static String sdl(String subgraph) {
        Path file = Path.of("..", subgraph + "-service", "subgraph.graphql");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
