package org.lodestone.gateway.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the coalition stub subgraphs for {@code @QuarkusTest}s and points the gateway's URL overrides at them. */
public class CoalitionStubsResource implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, StubSubgraph> STUBS = new LinkedHashMap<>();

    public static StubSubgraph stub(String name) {
        return STUBS.get(name);
    }

    public static int totalRequests() {
        return STUBS.values().stream().mapToInt(StubSubgraph::requestCount).sum();
    }

    public static void reset() {
        STUBS.values().forEach(StubSubgraph::reset);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>();
        for (String name : List.of("countries", "minerals", "agreements")) {
            StubSubgraph stub = STUBS.computeIfAbsent(name, n -> StubSubgraph.start("coalition", n));
            config.put("lodestone.gateway.subgraphs." + name + ".url", stub.url());
        }
        return config;
    }

    @Override
    public void stop() {
        STUBS.values().forEach(StubSubgraph::close);
        STUBS.clear();
    }
}
