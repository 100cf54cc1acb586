package org.lodestone.gateway.telemetry;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import graphql.language.OperationDefinition;

import org.lodestone.gateway.planning.QueryPlan;

/**
 * One operation streaming over WebSocket or SSE, from {@code subscribe} (or the SSE request) to its end: what the
 * pipeline reported about it, the results sent, and its end, recorded once whatever ends it first.
 */
public final class StreamRecord implements OperationListener {

    final StreamingTelemetry telemetry;
    final StreamingTelemetry.Transport transport;
    final String subject;
    final long startNanos;
    final AtomicLong events = new AtomicLong();
    private final AtomicBoolean begun = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    volatile String type;
    volatile String name;

    StreamRecord(StreamingTelemetry telemetry, StreamingTelemetry.Transport transport, String subject, long startNanos) {
        this.telemetry = telemetry;
        this.transport = transport;
        this.subject = subject;
        this.startNanos = startNanos;
    }

    @Override
    public void planned(OperationDefinition.Operation operationType, String operationName, QueryPlan plan) {
        type = operationType.name().toLowerCase();
        name = operationName;
    }

    /** The operation passed validation and planning and is streaming now: it counts as active until {@link #end}. */
    public void begin() {
        if (begun.compareAndSet(false, true)) {
            telemetry.began(this);
        }
    }

    /** A result went to the client. */
    public void sent() {
        events.incrementAndGet();
        telemetry.sent(this);
    }

    /**
     * The stream ended (recorded once, and only after {@link #begin}; later calls do nothing); {@code closeCode} is the
     * WebSocket close code, or 0.
     */
    public void end(StreamingTelemetry.Reason reason, int closeCode) {
        if (begun.get() && ended.compareAndSet(false, true)) {
            telemetry.ended(this, reason, closeCode);
        }
    }
}
