package org.lodestone.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.core.Vertx;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import org.lodestone.gateway.config.GatewayConfig;
import org.lodestone.gateway.execution.InflightRequests;
import org.lodestone.gateway.execution.JsonCodec;
import org.lodestone.gateway.execution.PlanExecutor;
import org.lodestone.gateway.execution.SubgraphClient;
import org.lodestone.gateway.execution.SubgraphSubscriptions;
import org.lodestone.gateway.execution.VertxSubgraphClient;
import org.lodestone.gateway.execution.VertxSubgraphSubscriptions;
import org.lodestone.gateway.pipeline.GraphQLRequestProcessor;
import org.lodestone.gateway.pipeline.MergedRootFields;
import org.lodestone.gateway.pipeline.RequestLimits;
import org.lodestone.gateway.planning.PlanCache;
import org.lodestone.gateway.planning.QueryPlanner;
import org.lodestone.gateway.resilience.CircuitBreaker;
import org.lodestone.gateway.resilience.ResilientSubgraphClient;
import org.lodestone.gateway.supergraph.Subgraph;
import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.supergraph.SupergraphLoader;

/**
 * CDI producers for the gateway's parts, built from {@link GatewayConfig}. The supergraph is loaded at
 * startup, so a missing or broken supergraph (or a subgraph without URL) stops the application.
 */
@Singleton
public class GatewayProducers {

    static final String DEFAULT_SUPERGRAPH = "classpath:supergraph.graphql";
    private static final Logger LOG = Logger.getLogger(GatewayProducers.class);

    @Produces
    @Singleton
    @Startup
    Supergraph supergraph(GatewayConfig config) {
        String location = config.supergraphPath().orElse(DEFAULT_SUPERGRAPH);
        Map<String, String> urls = new LinkedHashMap<>();
        config.subgraphs().forEach((name, subgraph) -> subgraph.url().ifPresent(url -> urls.put(name, url)));
        Supergraph loaded = SupergraphLoader.load(location).withUrls(urls);
        Supergraph supergraph = loaded.withApiSchema(mergedRootFields(config).extend(loaded.apiSchema()));
        for (Subgraph subgraph : supergraph.subgraphs()) {
            if (subgraph.url() == null || subgraph.url().isBlank()) {
                throw new IllegalStateException("No URL for subgraph " + subgraph.name()
                        + ": set lodestone.gateway.subgraphs." + subgraph.name() + ".url");
            }
            LOG.infof("Subgraph %s at %s", subgraph.name(), subgraph.url());
        }
        LOG.infof("Supergraph loaded from %s: %d subgraphs", location, supergraph.subgraphs().size());
        return supergraph;
    }

    /** The gateway-declared {@code alerts} field, from {@code lodestone.gateway.alerts.sources}. */
    static MergedRootFields mergedRootFields(GatewayConfig config) {
        return MergedRootFields.alerts(config.alerts().sources(), config.alerts().defaultLimit());
    }

    @Produces
    @Singleton
    SubgraphSubscriptions subgraphSubscriptions(GatewayConfig config, Vertx vertx, ObjectMapper mapper) {
        return new VertxSubgraphSubscriptions(vertx.getDelegate(), mapper, config.connectTimeout());
    }

    @Produces
    @Singleton
    PlanCache planCache(GatewayConfig config, MeterRegistry registry) {
        PlanCache cache = new PlanCache(config.planCacheSize());
        FunctionCounter.builder("lodestone.gateway.plan.cache.hits", cache, PlanCache::hits)
                .description("Operations answered with a cached plan").register(registry);
        FunctionCounter.builder("lodestone.gateway.plan.cache.misses", cache, PlanCache::misses)
                .description("Operations that had to be planned").register(registry);
        Gauge.builder("lodestone.gateway.plan.cache.size", cache, PlanCache::size)
                .description("Plans held in the plan cache").register(registry);
        return cache;
    }

    @Produces
    @Singleton
    JsonCodec jsonCodec(ObjectMapper mapper) {
        return new JsonCodec(mapper);
    }

    @Produces
    @Singleton
    QueryPlanner queryPlanner(Supergraph supergraph) {
        return new QueryPlanner(supergraph);
    }

    /**
     * HTTP to the subgraphs behind a circuit breaker per subgraph, with a bounded connection pool and queue per
     * subgraph and retries for queries only.
     */
    @Produces
    @Singleton
    SubgraphClient subgraphClient(GatewayConfig config, Supergraph supergraph, Vertx vertx, ObjectMapper mapper,
            MeterRegistry registry, Tracer tracer,
            @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean tracingDisabled) {
        GatewayConfig.Resilience resilience = config.resilience();
        // Tracing off: no fetch spans (the SDK tracer Quarkus keeps then would record spans nobody exports).
        VertxSubgraphClient http = new VertxSubgraphClient(vertx, mapper, config.fetchTimeout(),
                config.connectTimeout(), resilience.maxConnections(), resilience.maxQueued(), registry,
                tracingDisabled ? null : tracer, config.deduplicateInflight());
        FunctionCounter.builder("lodestone.gateway.subgraph.shared", http.inflight(), InflightRequests::joined)
                .description("Subgraph requests answered by an identical request already in flight").register(registry);
        ResilientSubgraphClient client = new ResilientSubgraphClient(http,
                new ResilientSubgraphClient.Policy(resilience.failureThreshold(), resilience.openFor(),
                        resilience.queryRetries(), resilience.retryDelay()));
        for (Subgraph subgraph : supergraph.subgraphs()) {
            CircuitBreaker breaker = client.breaker(subgraph.name());
            Gauge.builder("lodestone.gateway.subgraph.circuit.open", breaker,
                    b -> b.state() == CircuitBreaker.State.CLOSED ? 0 : 1)
                    .description("1 while the gateway fails requests to this subgraph fast (circuit open or probing)")
                    .tag("subgraph", subgraph.name()).register(registry);
        }
        return client;
    }

    @Produces
    @Singleton
    PlanExecutor planExecutor(Supergraph supergraph, SubgraphClient client) {
        return new PlanExecutor(supergraph, client);
    }

    @Produces
    @Singleton
    RequestLimits requestLimits(GatewayConfig config) {
        GatewayConfig.Limits limits = config.limits();
        return new RequestLimits(limits.maxDepth(), limits.maxAliases(), limits.maxQueryLength());
    }

    @Produces
    @Singleton
    @Startup
    GraphQLRequestProcessor requestProcessor(GatewayConfig config, Supergraph supergraph, QueryPlanner planner,
            PlanCache cache, PlanExecutor executor, RequestLimits limits, SubgraphSubscriptions subscriptions) {
        Map<String, Set<String>> policyRoles = new LinkedHashMap<>();
        config.policies().forEach((policy, roles) -> policyRoles.put(policy, Set.copyOf(roles)));
        return new GraphQLRequestProcessor(supergraph, planner, cache, executor, limits, config.introspection(),
                policyRoles, config.overrideLabels().orElse(Set.of()), mergedRootFields(config), subscriptions);
    }
}
