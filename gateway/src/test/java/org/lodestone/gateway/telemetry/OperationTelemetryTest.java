package org.lodestone.gateway.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.pipeline.GraphQLRequest;

/** The operation span exists only while tracing is on; the timer and the access line do not depend on it. */
class OperationTelemetryTest {

    private static final JsonWebToken NO_CALLER = null;

    private final List<SpanData> exported = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    exported.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            })).build();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void tracingOnMakesTheOperationSpanCurrentUntilTheOperationFinishes() {
        OperationTelemetry telemetry = telemetry(false);
        OperationRecord operation = telemetry.start(request(), NO_CALLER);
        assertTrue(Span.current().isRecording());
        assertEquals(operation.span.getSpanContext(), Span.current().getSpanContext());

        telemetry.finish(operation, 200, null);

        assertFalse(Span.current().getSpanContext().isValid());
        assertEquals(1, exported.size());
        assertEquals("graphql", exported.get(0).getName());
        assertEquals(200L, exported.get(0).getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals(1, registry.get(OperationTelemetry.OPERATIONS_TIMER).timer().count());
    }

    @Test
    void tracingOffStartsNoSpanButStillTimesTheOperation() {
        OperationTelemetry telemetry = telemetry(true);
        OperationRecord operation = telemetry.start(request(), NO_CALLER);
        assertFalse(Span.current().getSpanContext().isValid());
        assertFalse(operation.span.isRecording());

        telemetry.finish(operation, 200, null);

        assertTrue(exported.isEmpty());
        assertEquals(1, registry.get(OperationTelemetry.OPERATIONS_TIMER).tag("outcome", "errors").timer().count());
    }

    private OperationTelemetry telemetry(boolean tracingDisabled) {
        OperationTelemetry telemetry = new OperationTelemetry();
        telemetry.tracer = provider.get("test");
        telemetry.registry = registry;
        telemetry.tracingDisabled = tracingDisabled;
        return telemetry;
    }

    private static GraphQLRequest request() {
        return new GraphQLRequest("{ __typename }", null, null, null);
    }
}
