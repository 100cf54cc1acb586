package org.lodestone.gateway.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stubs of the three services serving their committed subgraph SDL (alerts data from {@code subgraphs/alerts}), for a
 * {@code @QuarkusTest} gateway running the committed supergraph.
 */
public class AlertStubsResource implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, StubSubgraph> STUBS = new LinkedHashMap<>();

    public static StubSubgraph stub(String name) {
        return STUBS.get(name);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("lodestone.gateway.supergraph-path", "classpath:supergraph.graphql");
        for (String name : List.of("country", "mineral", "agreement")) {
            StubSubgraph stub = STUBS.computeIfAbsent(name, n -> StubSubgraph.start(n, TestGateway.committedSdl(n),
                    StubSubgraph.resource("subgraphs/alerts/" + n + ".json")));
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
