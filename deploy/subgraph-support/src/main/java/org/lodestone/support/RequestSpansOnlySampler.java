package org.lodestone.support;

import java.util.List;

import jakarta.inject.Singleton;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * The services' trace sampler (Quarkus takes a CDI {@link Sampler} bean): as {@code parentbased_always_on}, except
 * that an outgoing call that starts a trace of its own is dropped. Those are the SQL statements run outside any
 * request (Flyway, the seed import, pool validation): thousands of one-span traces at start-up that nobody reads and
 * that slow the start down. SQL run for a request has the request's span as parent and is kept.
 */
@Singleton
public class RequestSpansOnlySampler implements Sampler {

    private final Sampler delegate = Sampler.parentBased(Sampler.alwaysOn());

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        if (spanKind == SpanKind.CLIENT && !Span.fromContext(parentContext).getSpanContext().isValid()) {
            return SamplingResult.drop();
        }
        return delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "RequestSpansOnly{" + delegate.getDescription() + "}";
    }
}
