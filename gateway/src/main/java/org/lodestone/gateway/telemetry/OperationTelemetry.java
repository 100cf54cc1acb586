package org.lodestone.gateway.telemetry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.vertx.VertxContext;

import org.lodestone.gateway.pipeline.GraphQLRequest;

/**
 * Tracing, metrics and the access log of GraphQL operations at the gateway.
 *
 * <ul>
 * <li>a span per operation under the HTTP server span, named after the operation type and name, with the SHA-256 of
 * the document, the plan's levels and fetches and the number of subgraph requests; it is the current span while the
 * plan runs, so every subgraph fetch span is its child. Never the document, variables, token or caller. None while
 * tracing is off ({@code quarkus.otel.sdk.disabled}).</li>
 * <li>{@value #OPERATIONS_TIMER} per operation name (bounded, see {@link OperationNames}), type and outcome.</li>
 * <li>one access-log line per operation (category {@value #ACCESS_LOG}): INFO, or WARN for a 5xx; the caller's
 * subject and country and the operation name are in the MDC of every line logged for the request.</li>
 * </ul>
 */
@ApplicationScoped
public class OperationTelemetry {

    public static final String OPERATIONS_TIMER = "lodestone.gateway.operations";
    public static final String ACCESS_LOG = "org.lodestone.gateway.access";
    /** Distinct operation names with series of their own before further names are grouped. */
    static final int NAMED_OPERATION_LIMIT = 200;
    private static final Logger ACCESS = Logger.getLogger(ACCESS_LOG);

    @Inject
    Tracer tracer;
    @Inject
    MeterRegistry registry;
    /**
     * With the SDK disabled Quarkus still hands out an SDK tracer without processors: its spans record, are made
     * current (which also puts their ids in the MDC of every log line) and are dropped at the end. None of that
     * leaves the process, so no span is started at all then.
     */
    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false")
    boolean tracingDisabled;

    private final OperationNames names = new OperationNames(NAMED_OPERATION_LIMIT);
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    /** Opens the operation's span and makes it current for the rest of the request. */
    public OperationRecord start(GraphQLRequest request, SecurityIdentity identity) {
        return start(request, identity == null || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) ? null : jwt);
    }

    /** As {@link #start(GraphQLRequest, SecurityIdentity)} for a caller known by its verified token (null: none). */
    public OperationRecord start(GraphQLRequest request, JsonWebToken caller) {
        putCaller(caller);
        if (request.operationName() != null && VertxContext.isOnDuplicatedContext()) {
            MDC.put("operation", request.operationName());
        }
        if (tracingDisabled) {
            return new OperationRecord(Span.getInvalid(), Scope.noop(), System.nanoTime());
        }
        Span span = tracer.spanBuilder("graphql").setSpanKind(SpanKind.INTERNAL).startSpan();
        if (span.isRecording()) {
            // Hashed only for a span that keeps it (a sampler may drop it: a no-op span, and no digest).
            span.setAttribute("lodestone.graphql.document.sha256", sha256(request.query()));
        }
        return new OperationRecord(span, span.makeCurrent(), System.nanoTime());
    }

    /** Records the outcome once (later calls, e.g. a cancellation after the answer, do nothing). */
    public void finish(OperationRecord operation, int status, Throwable failure) {
        if (!operation.finished.compareAndSet(false, true)) {
            return;
        }
        long nanos = System.nanoTime() - operation.startNanos;
        String name = operation.planned ? names.tagFor(operation.name) : OperationNames.REJECTED;
        String type = operation.type == null ? "unknown" : operation.type;
        boolean failed = failure != null || status >= 500;
        String outcome = failed ? "failure" : operation.planned && operation.errors == 0 ? "success" : "errors";
        timer(name, type, outcome).record(nanos, TimeUnit.NANOSECONDS);
        Span span = operation.span;
        span.setAttribute("http.response.status_code", status);
        if (failed) {
            span.setStatus(StatusCode.ERROR);
        }
        Logger.Level level = failed ? Logger.Level.WARN : Logger.Level.INFO;
        if (ACCESS.isEnabled(level)) {
            // Built by hand: a format string per request (String.format) cost more than the rest of the line.
            long tenths = Math.round(nanos / 100_000.0);
            ACCESS.log(level, type + ' '
                    + (operation.name == null ? (operation.planned ? OperationNames.ANONYMOUS : OperationNames.REJECTED) : operation.name)
                    + " status=" + status + " duration_ms=" + tenths / 10 + '.' + tenths % 10
                    + " subgraph_requests=" + operation.subgraphRequests + " errors=" + operation.errors);
        }
        operation.scope.close();
        span.end();
    }

    /**
     * The timer of one series, registered on first use and then looked up without a builder: the operation name is
     * already bounded ({@link OperationNames}), type and outcome have a handful of values each.
     */
    private Timer timer(String operation, String type, String outcome) {
        return timers.computeIfAbsent(new TimerKey(operation, type, outcome), key -> Timer.builder(OPERATIONS_TIMER)
                .description("GraphQL operations answered by the gateway")
                .tag("operation", operation).tag("type", type).tag("outcome", outcome)
                .register(registry));
    }

    private record TimerKey(String operation, String type, String outcome) {
    }

    /** Only on the request's own Vert.x context, where the MDC lives and dies with the request. */
    private static void putCaller(JsonWebToken jwt) {
        if (jwt == null || !VertxContext.isOnDuplicatedContext()) {
            return;
        }
        if (jwt.getSubject() != null) {
            MDC.put("subject", jwt.getSubject());
        }
        Object country = jwt.getClaim("country");
        if (country != null) {
            MDC.put("country", country.toString().replace("\"", ""));
        }
    }

    static String sha256(String text) {
        // digest() leaves the instance reset for the next text; finding a provider per call cost more than hashing.
        return HexFormat.of().formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** One digest per thread (request threads are a few event loops). */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });
}
