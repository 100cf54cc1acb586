package org.lodestone.gateway.telemetry;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets for the gateway's latency timers, so Prometheus can compute percentiles across pods
 * ({@code histogram_quantile} in the dashboard and the p99 alert). Bounded to 5 ms - 30 s to keep the bucket count small.
 */
@Singleton
public class LatencyHistograms {

    @Produces
    @Singleton
    MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                String name = id.getName();
                if (name.equals("http.server.requests") || name.equals(OperationTelemetry.OPERATIONS_TIMER)
                        || name.equals("lodestone.gateway.subgraph.fetch")) {
                    return DistributionStatisticConfig.builder()
                            .percentilesHistogram(true)
                            .minimumExpectedValue((double) Duration.ofMillis(5).toNanos())
                            .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos())
                            .build().merge(config);
                }
                return config;
            }
        };
    }
}
