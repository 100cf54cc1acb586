package org.lodestone.gateway.telemetry;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Metrics and the access log of operations streamed over WebSocket ({@code graphql-transport-ws}) and Server-Sent
 * Events, in practice subscriptions; a query or mutation sent over those transports counts as well and ends
 * {@code completed} after its one result. The HTTP access line ({@link OperationTelemetry}) is written when the
 * answer is sent, which for a stream says nothing; here the line is written when the stream ends.
 *
 * <ul>
 * <li>{@value #ACTIVE} (gauge, tag transport = websocket | sse): streams open now;</li>
 * <li>{@value #EVENTS} (counter, tag transport): results sent ({@code next} messages / {@code next} events);</li>
 * <li>{@value #ENDED} (counter, tags transport and reason, one of {@link Reason}): streams ended;</li>
 * <li>one line per ended stream (category {@value OperationTelemetry#ACCESS_LOG}): INFO, WARN when it ended in an
 * error, e.g. {@code subscription Alerts transport=websocket subject=… duration_ms=… events=3 reason=token_expired
 * close_code=4403}.</li>
 * </ul>
 * Every series exists from start-up (at zero), so dashboards and alert rules can read them before the first stream.
 */
@Startup
@ApplicationScoped
public class StreamingTelemetry {

    public static final String ACTIVE = "lodestone.gateway.subscriptions.active";
    public static final String EVENTS = "lodestone.gateway.subscription.events";
    public static final String ENDED = "lodestone.gateway.subscriptions.ended";
    private static final Logger ACCESS = Logger.getLogger(OperationTelemetry.ACCESS_LOG);

    /** The streaming transports, as tag values. */
    public enum Transport {
        WEBSOCKET, SSE;

        String tag() {
            return name().toLowerCase();
        }
    }

    /** Why a stream ended, as tag values: a bounded set. */
    public enum Reason {
        /** The operation's stream ended by itself (a query's one result; subgraph streams that completed). */
        COMPLETED,
        /** The client ended it: {@code complete}, or the socket or SSE connection closed from its side. */
        CLIENT,
        /** The caller's token expired (WebSocket close 4403, SSE last {@code next} with {@code UNAUTHENTICATED}). */
        TOKEN_EXPIRED,
        /** The gateway closed the socket for a protocol violation (4400, 4409, ...) while the operation ran. */
        PROTOCOL_ERROR,
        /** An unexpected failure ({@code INTERNAL}). */
        ERROR;

        String tag() {
            return name().toLowerCase();
        }
    }

    @Inject
    MeterRegistry registry;

    private final Map<Transport, AtomicLong> active = Map.of(Transport.WEBSOCKET, new AtomicLong(),
            Transport.SSE, new AtomicLong());
    private Map<Transport, Counter> events;
    private Map<Transport, Map<Reason, Counter>> ended;

    @PostConstruct
    void register() {
        for (Transport transport : Transport.values()) {
            Gauge.builder(ACTIVE, active.get(transport), AtomicLong::get)
                    .description("Operations streaming over WebSocket or SSE right now (subscriptions)")
                    .tag("transport", transport.tag()).register(registry);
        }
        events = Map.of(Transport.WEBSOCKET, eventCounter(Transport.WEBSOCKET), Transport.SSE, eventCounter(Transport.SSE));
        ended = Map.of(Transport.WEBSOCKET, endedCounters(Transport.WEBSOCKET), Transport.SSE, endedCounters(Transport.SSE));
    }

    private Counter eventCounter(Transport transport) {
        return Counter.builder(EVENTS).description("Results sent to subscribers over WebSocket or SSE")
                .tag("transport", transport.tag()).register(registry);
    }

    private Map<Reason, Counter> endedCounters(Transport transport) {
        Map<Reason, Counter> counters = new EnumMap<>(Reason.class);
        for (Reason reason : Reason.values()) {
            counters.put(reason, Counter.builder(ENDED)
                    .description("Operations streamed over WebSocket or SSE that ended, by reason")
                    .tag("transport", transport.tag()).tag("reason", reason.tag()).register(registry));
        }
        return counters;
    }

    /**
     * The record of an operation about to be streamed ({@code subject}: the token's {@code sub}); it counts once the
     * operation passed validation and planning ({@link StreamRecord#begin}), a rejected one never does.
     */
    public StreamRecord record(Transport transport, String subject) {
        return new StreamRecord(this, transport, subject, System.nanoTime());
    }

    void began(StreamRecord stream) {
        active.get(stream.transport).incrementAndGet();
    }

    void sent(StreamRecord stream) {
        events.get(stream.transport).increment();
    }

    void ended(StreamRecord stream, Reason reason, int closeCode) {
        active.get(stream.transport).decrementAndGet();
        ended.get(stream.transport).get(reason).increment();
        long nanos = System.nanoTime() - stream.startNanos;
        String name = stream.name == null ? OperationNames.ANONYMOUS : stream.name;
        ACCESS.logf(reason == Reason.ERROR ? Logger.Level.WARN : Logger.Level.INFO,
                "%s %s transport=%s subject=%s duration_ms=%.1f events=%d reason=%s close_code=%s",
                stream.type == null ? "unknown" : stream.type, name, stream.transport.tag(),
                stream.subject == null ? "-" : stream.subject, nanos / 1_000_000.0, stream.events.get(), reason.tag(),
                closeCode > 0 ? Integer.toString(closeCode) : "-");
    }
}
