package org.lodestone.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import org.lodestone.gateway.planning.PlanCache;
import org.lodestone.gateway.supergraph.Subgraph;
import org.lodestone.gateway.supergraph.Supergraph;

/** Ready once the supergraph is loaded (startup fails otherwise); reports the subgraph URLs in use and plan cache use. */
@Readiness
@ApplicationScoped
public class SupergraphReadiness implements HealthCheck {

    @Inject
    Supergraph supergraph;
    @Inject
    PlanCache planCache;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("supergraph");
        for (Subgraph subgraph : supergraph.subgraphs()) {
            builder.withData(subgraph.name(), subgraph.url());
        }
        return builder.withData("cachedPlans", planCache.size()).up().build();
    }
}
