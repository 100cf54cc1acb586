package org.lodestone.gateway.telemetry;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Fetches Keycloak's signing keys (the JWKS the gateway verifies tokens with) on a fixed interval and counts the
 * outcome in {@value #METRIC} (tag outcome = success | failure). Token verification fetches the same document only
 * when it meets an unknown key, so without this probe a broken JWKS endpoint or certificate goes unnoticed until
 * Keycloak rotates its key and every request fails. Locations that are not HTTP(S) (a key file) are not probed.
 */
@Startup
@ApplicationScoped
public class JwksProbe {

    public static final String METRIC = "lodestone.oidc.jwks.fetch";
    private static final Logger LOG = Logger.getLogger(JwksProbe.class);

    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String location;
    @ConfigProperty(name = "lodestone.gateway.jwks-probe-interval", defaultValue = "60s")
    Duration interval;

    private WebClient client;
    private Counter successes;
    private Counter failures;
    private long timer = -1;

    @PostConstruct
    void start() {
        successes = Counter.builder(METRIC).tag("outcome", "success").description("JWKS fetches by the gateway's probe")
                .register(registry);
        failures = Counter.builder(METRIC).tag("outcome", "failure").description("JWKS fetches by the gateway's probe")
                .register(registry);
        if (!location.startsWith("http://") && !location.startsWith("https://")) {
            return;
        }
        // Not traced: a probe every minute would be a trace of its own each time.
        WebClientOptions options = new WebClientOptions();
        options.setTracingPolicy(TracingPolicy.IGNORE);
        client = WebClient.create(vertx, options);
        timer = vertx.setPeriodic(Duration.ofSeconds(5).toMillis(), interval.toMillis(), id -> probe());
    }

    void probe() {
        client.getAbs(location).timeout(Duration.ofSeconds(5).toMillis()).send().subscribe().with(response -> {
            String body = response.bodyAsString();
            if (response.statusCode() == 200 && body != null && body.contains("\"keys\"")) {
                successes.increment();
            } else {
                failures.increment();
                LOG.warnf("JWKS fetch from %s answered HTTP %d without keys", location, response.statusCode());
            }
        }, failure -> {
            failures.increment();
            LOG.warnf("JWKS fetch from %s failed: %s", location, failure.toString());
        });
    }

    @PreDestroy
    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (client != null) {
            client.close();
        }
    }
}
