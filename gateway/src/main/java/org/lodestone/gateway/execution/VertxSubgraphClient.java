package org.lodestone.gateway.execution;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;

import org.lodestone.gateway.supergraph.Subgraph;

/**
 * Non-blocking subgraph client on the Vert.x web client, with a per-request timeout and one
 * Micrometer timer per subgraph ({@code lodestone.gateway.subgraph.fetch}, tags subgraph and outcome).
 *
 * <p>With a tracer, each request is a CLIENT span {@code subgraph <name>} (subgraph, representation count, HTTP
 * status; never the document or variables) whose W3C {@code traceparent} goes to the subgraph explicitly: Vert.x
 * tracing is off for this client, so there is exactly one span per fetch and its parent is the operation span.
 *
 * <p>Identical requests in flight at the same time (same subgraph, same body as a JSON tree, same Authorization
 * header) share one HTTP call and one parse of its answer: every caller gets the same tree, which callers only read
 * (the plan executor merges it without changing it, see {@link JsonTrees#mergeShared}). A shared call carries the
 * {@code traceparent} of the caller that started it; every caller keeps its own span.
 */
public final class VertxSubgraphClient implements SubgraphClient {

    public static final String FETCH_TIMER = "lodestone.gateway.subgraph.fetch";

    private final WebClient client;
    private final Duration timeout;
    private final MeterRegistry registry;
    private final Tracer tracer;
    private final JsonCodec codec;
    /** Callers sharing a call get the same answer, read-only. */
    private final InflightRequests<SubgraphCall, Answer> inflight = new InflightRequests<>();
    private final boolean deduplicate;
    /** Per subgraph name, its fetch timer of each outcome. */
    private final Map<String, Timer> successTimers = new ConcurrentHashMap<>();
    private final Map<String, Timer> failureTimers = new ConcurrentHashMap<>();

    /** Pool limits of the constructors without them (the gateway's defaults, see GatewayConfig.Resilience). */
    static final int DEFAULT_MAX_CONNECTIONS = 50;
    static final int DEFAULT_MAX_QUEUED = 200;

    /**
     * What makes two subgraph requests the same: visibility differs per caller, so the token is part of it; the body is
     * compared as a JSON tree (equal maps, lists and values: the same request, up to the order of object keys), so a
     * caller that joins a call in flight never encodes its body. The hash is computed once (a body with
     * representations runs to kilobytes, and the map hashes a key more than once).
     */
    private static final class SubgraphCall {
        private final String subgraph;
        private final String authorization;
        private final Map<String, Object> body;
        private final int hash;

        SubgraphCall(String subgraph, String authorization, Map<String, Object> body) {
            this.subgraph = subgraph;
            this.authorization = authorization;
            this.body = body;
            this.hash = 31 * (31 * subgraph.hashCode() + Objects.hashCode(authorization)) + body.hashCode();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SubgraphCall call && hash == call.hash && subgraph.equals(call.subgraph)
                    && Objects.equals(authorization, call.authorization) && body.equals(call.body);
        }
    }

    /** A subgraph's HTTP answer, parsed once however many callers share it; {@code json} null when not a JSON object. */
    private record Answer(int status, Map<String, Object> json) {
    }

    public VertxSubgraphClient(Vertx vertx, ObjectMapper mapper, Duration timeout, Duration connectTimeout,
            MeterRegistry registry) {
        this(vertx, mapper, timeout, connectTimeout, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_QUEUED, registry, null, true);
    }

    public VertxSubgraphClient(Vertx vertx, ObjectMapper mapper, Duration timeout, Duration connectTimeout,
            MeterRegistry registry, boolean deduplicate) {
        this(vertx, mapper, timeout, connectTimeout, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_QUEUED, registry, null,
                deduplicate);
    }

    public VertxSubgraphClient(Vertx vertx, ObjectMapper mapper, Duration timeout, Duration connectTimeout,
            int maxConnections, int maxQueued, MeterRegistry registry) {
        this(vertx, mapper, timeout, connectTimeout, maxConnections, maxQueued, registry, null, true);
    }

    /**
     * @param maxConnections connections per subgraph (Vert.x pools per host and port)
     * @param maxQueued      requests waiting for a connection per subgraph; more fail at once instead of piling up
     * @param tracer         null for no spans
     * @param deduplicate    share one call between identical requests in flight together
     */
    public VertxSubgraphClient(Vertx vertx, ObjectMapper mapper, Duration timeout, Duration connectTimeout,
            int maxConnections, int maxQueued, MeterRegistry registry, Tracer tracer, boolean deduplicate) {
        WebClientOptions options = new WebClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(maxConnections)
                .setMaxWaitQueueSize(maxQueued)
                .setUserAgent("lodestone-gateway");
        options.setTracingPolicy(TracingPolicy.IGNORE);
        this.client = WebClient.create(vertx.getDelegate(), options);
        this.codec = new JsonCodec(mapper);
        this.timeout = timeout;
        this.registry = registry;
        this.tracer = tracer;
        this.deduplicate = deduplicate;
    }

    @Override
    public Uni<Map<String, Object>> send(Subgraph subgraph, Map<String, Object> body, String authorization) {
        return SubgraphClient.asUni(call(subgraph, body, authorization));
    }

    /** As {@link #send}, on Vert.x futures end to end: the answer comes on the caller's Vert.x context. */
    @Override
    public Future<Map<String, Object>> call(Subgraph subgraph, Map<String, Object> body, String authorization) {
        Future<Answer> answer;
        Span span;
        if (deduplicate) {
            span = startSpan(subgraph, body);
            // Encoded only by the caller that sends it.
            answer = inflight.shareNow(new SubgraphCall(subgraph.name(), authorization, body), () -> {
                byte[] payload;
                try {
                    payload = encode(body);
                } catch (UnserialisableRequest e) {
                    return Future.failedFuture(e);
                }
                return post(subgraph, payload, authorization, span).map(this::read);
            });
        } else {
            byte[] payload;
            try {
                payload = encode(body);
            } catch (UnserialisableRequest e) {
                return Future.failedFuture(e);
            }
            span = startSpan(subgraph, body);
            answer = post(subgraph, payload, authorization, span).map(this::read);
        }
        Promise<Map<String, Object>> result = Promise.promise();
        answer.onComplete(outcome -> {
            Throwable failure = outcome.cause();
            Map<String, Object> json = null;
            if (outcome.succeeded()) {
                try {
                    json = check(subgraph, outcome.result(), span);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null && !(failure instanceof SubgraphUnavailableException)
                    && !(failure instanceof UnserialisableRequest)) {
                failure = new SubgraphUnavailableException(describe(subgraph, failure), failure);
            }
            endSpan(span, failure);
            if (failure != null) {
                result.fail(failure);
            } else {
                result.complete(json);
            }
        });
        return result.future();
    }

    private byte[] encode(Map<String, Object> body) {
        try {
            // The document is the same for every request of a plan: encoded once.
            return codec.write(body, "query");
        } catch (RuntimeException e) {
            throw new UnserialisableRequest(e);
        }
    }

    /** A request body that cannot be written as JSON: the caller's failure as it is, never a subgraph's. */
    private static final class UnserialisableRequest extends IllegalStateException {
        UnserialisableRequest(RuntimeException cause) {
            super("Cannot serialise subgraph request", cause);
        }
    }

    /** Requests this client sent over HTTP, and requests that shared one already in flight. */
    public InflightRequests<?, ?> inflight() {
        return inflight;
    }

    private Future<HttpResponse<Buffer>> post(Subgraph subgraph, byte[] payload, String authorization, Span span) {
        long start = System.nanoTime();
        HttpRequest<Buffer> request = client.postAbs(subgraph.url())
                .timeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/graphql-response+json, application/json");
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        if (span.getSpanContext().isValid()) {
            W3CTraceContextPropagator.getInstance().inject(Context.current().with(span), request,
                    (carrier, name, value) -> carrier.putHeader(name, value));
        }
        return request.sendBuffer(Buffer.buffer(payload)).andThen(outcome -> record(subgraph, start,
                outcome.succeeded() && outcome.result().statusCode() < 500));
    }

    private Span startSpan(Subgraph subgraph, Map<String, Object> body) {
        if (tracer == null) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder("subgraph " + subgraph.name())
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("lodestone.subgraph.name", subgraph.name())
                .setAttribute("lodestone.subgraph.representations", representationCount(body))
                .setAttribute("http.request.method", "POST")
                .setAttribute("url.full", subgraph.url())
                .startSpan();
    }

    private static void endSpan(Span span, Throwable failure) {
        if (failure != null) {
            // Our own description (subgraph name and timeout or status), never a response body.
            span.setStatus(StatusCode.ERROR, failure.getMessage());
            span.setAttribute("lodestone.subgraph.outcome", "failure");
        } else {
            span.setAttribute("lodestone.subgraph.outcome", "success");
        }
        span.end();
    }

    /** Entity fetches carry their representations in variables named {@code representations*}. */
    static long representationCount(Map<String, Object> body) {
        long count = 0;
        if (body.get("variables") instanceof Map<?, ?> variables) {
            for (Map.Entry<?, ?> variable : variables.entrySet()) {
                if (String.valueOf(variable.getKey()).startsWith("representations") && variable.getValue() instanceof List<?> list) {
                    count += list.size();
                }
            }
        }
        return count;
    }

    private Answer read(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return new Answer(status, null);
        }
        Map<String, Object> json;
        try {
            Buffer body = response.body();
            json = body == null ? null : codec.readObject(body.getBytes());
        } catch (java.io.IOException e) {
            json = null;
        }
        return new Answer(status, json);
    }

    private Map<String, Object> check(Subgraph subgraph, Answer answer, Span span) {
        int status = answer.status();
        span.setAttribute("http.response.status_code", status);
        if (status >= 500) {
            throw new SubgraphUnavailableException("Subgraph " + subgraph.name() + " answered HTTP " + status);
        }
        Map<String, Object> json = answer.json();
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
        // the exception class stays in the log; clients get no internal names
        if (failure instanceof ConnectException) {
            return "Subgraph " + subgraph.name() + " is unreachable (connection refused)";
        }
        return "Subgraph " + subgraph.name() + " is unreachable (the connection failed)";
    }

    private void record(Subgraph subgraph, long start, boolean success) {
        if (registry != null) {
            // Registered on first use per subgraph and outcome; afterwards a map lookup, no builder per request.
            Timer timer = success ? successTimers.computeIfAbsent(subgraph.name(), name -> fetchTimer(name, "success"))
                    : failureTimers.computeIfAbsent(subgraph.name(), name -> fetchTimer(name, "failure"));
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private Timer fetchTimer(String subgraph, String outcome) {
        return Timer.builder(FETCH_TIMER).description("Requests from the gateway to one subgraph")
                .tag("subgraph", subgraph).tag("outcome", outcome).register(registry);
    }
}
