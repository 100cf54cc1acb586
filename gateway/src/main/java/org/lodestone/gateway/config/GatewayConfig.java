package org.lodestone.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    Alerts alerts();

    Resilience resilience();

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

    /**
     * {@code @policy} in the supergraph: each policy name to the token roles that are granted it, e.g.
     * {@code lodestone.gateway.policies."read_restricted"=admin,analyst}. A field guarded by a policy not named here
     * is denied to every caller (fail closed).
     */
    Map<String, List<String>> policies();

    /**
     * Progressive {@code @override(label:)} labels to switch on (labels {@code percent(N)} need nothing: they are on
     * for N% of requests). A label not listed here is off: the field stays with the subgraph it was overridden from.
     */
    Optional<Set<String>> overrideLabels();

    /** How the gateway protects itself and the subgraphs when one of them fails or is slow. */
    interface Resilience {

        /** Consecutive failed requests to one subgraph that open its circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit fails requests at once before one probe request may go through. */
        @WithDefault("2s")
        Duration openFor();

        /** Further attempts for a subgraph query that could not reach it (never for mutations, nor after a timeout). */
        @WithDefault("1")
        int queryRetries();

        @WithDefault("100ms")
        Duration retryDelay();

        /** Open connections to one subgraph at most. */
        @WithDefault("50")
        int maxConnections();

        /** Requests waiting for a connection to one subgraph at most; beyond that they fail at once. */
        @WithDefault("200")
        int maxQueued();
    }

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

    /**
     * The gateway-declared root field {@code alerts} (Query and Subscription) over the subgraphs' alert fields: each
     * source field with the alert kinds it produces, so a caller asking only some kinds calls only their owners.
     */
    interface Alerts {

        /** Source root field (the same name on Query and Subscription) to the {@code AlertKind} values it emits. */
        Map<String, List<String>> sources();

        /** The sources' own default and maximum {@code limit}: the merged replay is cut to it when none is given. */
        @WithDefault("1000")
        int defaultLimit();

        /** How long a subscriber may wait after the upgrade before sending {@code connection_init}. */
        @WithDefault("3s")
        Duration connectionInitTimeout();

        /**
         * Interval of the keep-alive on an idle stream (proxies close idle connections): a comment line on an SSE
         * stream, a {@code ping} on a WebSocket.
         */
        @WithDefault("15s")
        Duration keepAlive();
    }
}
