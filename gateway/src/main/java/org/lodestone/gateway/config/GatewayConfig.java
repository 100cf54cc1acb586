package org.lodestone.gateway.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything an operator may tune on the gateway; production sets the supergraph path and subgraph URLs. */
@ConfigMapping(prefix = "lodestone.gateway")
public interface GatewayConfig {

    /**
     * Where the composed supergraph SDL comes from: a file path, or {@code classpath:<resource>}.
     * Absent means the bundled {@code supergraph.graphql} on the classpath.
     */
    Optional<String> supergraphPath();

    /** Per-subgraph overrides keyed by the subgraph name given at composition (e.g. {@code country-service}). */
    Map<String, SubgraphConfig> subgraphs();

    /** Upper bound for one subgraph request, connect included. */
    @WithDefault("10s")
    Duration fetchTimeout();

    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * Identical subgraph requests in flight at the same time (same subgraph, same body, same Authorization header)
     * share one upstream call. Never across callers with different tokens.
     */
    @WithDefault("true")
    boolean deduplicateInflight();

    Limits limits();

    /** Always add the query plan to {@code extensions.queryPlan} (otherwise only on the debug header). */
    @WithDefault("false")
    boolean debugPlan();

    /**
     * Honour the {@code X-Lodestone-Debug-Plan} request header. A plan names the subgraphs and the operations sent
     * to them, so production turns the header off.
     */
    @WithDefault("true")
    boolean debugPlanHeader();

    @WithDefault("true")
    boolean introspection();

    @WithDefault("1000")
    int planCacheSize();

    interface SubgraphConfig {
        Optional<String> url();
    }

    interface Limits {
        @WithDefault("15")
        int maxDepth();

        @WithDefault("30")
        int maxAliases();

        /** Characters of the query document. */
        @WithDefault("20000")
        int maxQueryLength();

        /** Bytes of a POST body. */
        @WithDefault("102400")
        int maxRequestBytes();
    }
}
