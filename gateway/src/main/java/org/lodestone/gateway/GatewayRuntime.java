package org.lodestone.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.core.Vertx;

import org.jboss.logging.Logger;

import org.lodestone.gateway.config.GatewayConfig;
import org.lodestone.gateway.execution.InflightRequests;
import org.lodestone.gateway.execution.PlanExecutor;
import org.lodestone.gateway.execution.VertxSubgraphClient;
import org.lodestone.gateway.http.GraphQLRequestProcessor;
import org.lodestone.gateway.http.RequestLimits;
import org.lodestone.gateway.planning.PlanCache;
import org.lodestone.gateway.supergraph.Subgraph;
import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.supergraph.SupergraphLoader;

/** Loads the supergraph at startup (failing fast when it is missing or broken) and wires the pipeline. */
@Startup
@ApplicationScoped
public class GatewayRuntime {

    static final String DEFAULT_SUPERGRAPH = "classpath:supergraph.graphql";
    private static final Logger LOG = Logger.getLogger(GatewayRuntime.class);

    @Inject
    GatewayConfig config;
    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry registry;
    @Inject
    ObjectMapper mapper;

    private GraphQLRequestProcessor processor;

    @PostConstruct
    void start() {
        String location = config.supergraphPath().orElse(DEFAULT_SUPERGRAPH);
        Map<String, String> urls = new LinkedHashMap<>();
        config.subgraphs().forEach((name, subgraph) -> subgraph.url().ifPresent(url -> urls.put(name, url)));
        Supergraph supergraph = SupergraphLoader.load(location).withUrls(urls);
        for (Subgraph subgraph : supergraph.subgraphs()) {
            if (subgraph.url() == null || subgraph.url().isBlank()) {
                throw new IllegalStateException("No URL for subgraph " + subgraph.name()
                        + ": set lodestone.gateway.subgraphs." + subgraph.name() + ".url");
            }
            LOG.infof("Subgraph %s at %s", subgraph.name(), subgraph.url());
        }
        VertxSubgraphClient client = new VertxSubgraphClient(vertx, mapper, config.fetchTimeout(),
                config.connectTimeout(), registry, config.deduplicateInflight());
        FunctionCounter.builder("lodestone.gateway.subgraph.shared", client.inflight(), InflightRequests::joined)
                .description("Subgraph requests answered by an identical request already in flight").register(registry);
        GatewayConfig.Limits limits = config.limits();
        processor = new GraphQLRequestProcessor(supergraph, new PlanExecutor(supergraph, client),
                new RequestLimits(limits.maxDepth(), limits.maxAliases(), limits.maxQueryLength()),
                config.planCacheSize(), config.introspection());
        PlanCache cache = processor.planCache();
        FunctionCounter.builder("lodestone.gateway.plan.cache.hits", cache, PlanCache::hits)
                .description("Operations answered with a cached plan").register(registry);
        FunctionCounter.builder("lodestone.gateway.plan.cache.misses", cache, PlanCache::misses)
                .description("Operations that had to be planned").register(registry);
        LOG.infof("Supergraph loaded from %s: %d subgraphs", location, supergraph.subgraphs().size());
    }

    public GraphQLRequestProcessor processor() {
        return processor;
    }
}
