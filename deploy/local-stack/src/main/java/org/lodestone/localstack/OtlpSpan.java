package org.lodestone.localstack;

import java.util.Map;

/**
 * One span as received over OTLP, reduced to what the span tree and the tests need.
 *
 * @param service {@code service.name} of the resource that sent it
 * @param parentSpanId null for a root span
 * @param kind OTLP SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer
 * @param statusCode OTLP status: 0 unset, 1 ok, 2 error
 */
public record OtlpSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind,
        long startNanos, long endNanos, Map<String, Object> attributes, int statusCode) {

    public static final int KIND_INTERNAL = 1;
    public static final int KIND_SERVER = 2;
    public static final int KIND_CLIENT = 3;

    public double durationMillis() {
        return (endNanos - startNanos) / 1_000_000.0;
    }

    public Object attribute(String key) {
        return attributes.get(key);
    }
}
