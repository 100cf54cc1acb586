package org.lodestone.gateway.execution;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

import org.lodestone.gateway.supergraph.Subgraph;

/**
 * Non-blocking subgraph client on the Vert.x web client, with a per-request timeout and one
 * Micrometer timer per subgraph ({@code lodestone.gateway.subgraph.fetch}, tags subgraph and outcome).
 */
public final class VertxSubgraphClient implements SubgraphClient {

    public static final String FETCH_TIMER = "lodestone.gateway.subgraph.fetch";
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final WebClient client;
    private final ObjectMapper mapper;
    private final Duration timeout;
    private final MeterRegistry registry;

    /**
     * @param maxConnections connections per subgraph (Vert.x pools per host and port)
     * @param maxQueued requests waiting for a connection per subgraph; more fail at once instead of piling up
     */
    public VertxSubgraphClient(Vertx vertx, ObjectMapper mapper, Duration timeout, Duration connectTimeout,
            int maxConnections, int maxQueued, MeterRegistry registry) {
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(maxConnections)
                .setMaxWaitQueueSize(maxQueued)
                .setUserAgent("lodestone-gateway"));
        this.mapper = mapper;
        this.timeout = timeout;
        this.registry = registry;
    }

    @Override
    public Uni<Map<String, Object>> send(Subgraph subgraph, Map<String, Object> body, String authorization) {
        byte[] payload;
        try {
            payload = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Cannot serialise subgraph request", e));
        }
        long start = System.nanoTime();
        var request = client.postAbs(subgraph.url())
                .timeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/graphql-response+json, application/json");
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        return request.sendBuffer(Buffer.buffer(payload))
                .onItem().transform(response -> parse(subgraph, response))
                .onFailure(e -> !(e instanceof SubgraphUnavailableException))
                .transform(e -> new SubgraphUnavailableException(describe(subgraph, e), e))
                .onItemOrFailure().invoke((item, failure) -> record(subgraph, start, failure == null ? "success" : "failure"));
    }

    private Map<String, Object> parse(Subgraph subgraph, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status >= 500) {
            throw new SubgraphUnavailableException("Subgraph " + subgraph.name() + " answered HTTP " + status);
        }
        Map<String, Object> json = null;
        try {
            Buffer body = response.body();
            json = body == null ? null : mapper.readValue(body.getBytes(), JSON_OBJECT);
        } catch (java.io.IOException e) {
            json = null;
        }
        // A 4xx with a GraphQL body (e.g. the subgraph's own UNAUTHENTICATED) is passed through as errors.
        if (json == null || !(json.containsKey("data") || json.containsKey("errors"))) {
            throw new SubgraphUnavailableException("Subgraph " + subgraph.name() + " answered HTTP " + status
                    + " without a GraphQL response");
        }
        return json;
    }

    private String describe(Subgraph subgraph, Throwable failure) {
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")
                || String.valueOf(failure.getMessage()).contains("timeout")) {
            return "Subgraph " + subgraph.name() + " did not answer within " + timeout.toMillis() + " ms";
        }
        if (failure instanceof ConnectionPoolTooBusyException) {
            return "Subgraph " + subgraph.name() + " has too many requests waiting for a connection";
        }
        return "Subgraph " + subgraph.name() + " is unreachable (" + failure.getClass().getSimpleName() + ")";
    }

    private void record(Subgraph subgraph, long start, String outcome) {
        if (registry != null) {
            Timer.builder(FETCH_TIMER).description("Requests from the gateway to one subgraph")
                    .tag("subgraph", subgraph.name()).tag("outcome", outcome)
                    .register(registry).record(Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
