package org.lodestone.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import org.lodestone.gateway.supergraph.Subgraph;

/** Ready once the supergraph is loaded; reports the subgraph URLs in use and plan cache use. */
@Readiness
@ApplicationScoped
public class SupergraphReadiness implements HealthCheck {

    @Inject
    GatewayRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("supergraph");
        if (runtime.processor() == null) {
            return builder.down().build();
        }
        for (Subgraph subgraph : runtime.processor().supergraph().subgraphs()) {
            builder.withData(subgraph.name(), subgraph.url());
        }
        return builder.withData("cachedPlans", runtime.processor().planCache().size()).up().build();
    }
}
