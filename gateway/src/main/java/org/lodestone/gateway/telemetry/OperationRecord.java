package org.lodestone.gateway.telemetry;

import java.util.concurrent.atomic.AtomicBoolean;

import graphql.language.OperationDefinition;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.smallrye.common.vertx.VertxContext;

import org.jboss.logging.MDC;

import org.lodestone.gateway.planning.QueryPlan;

/** One GraphQL operation in flight: its span, start time and what the pipeline reported about it. */
public final class OperationRecord implements OperationListener {

    final Span span;
    final Scope scope;
    final long startNanos;
    final AtomicBoolean finished = new AtomicBoolean();
    volatile String type;
    volatile String name;
    volatile boolean planned;
    volatile int planLevels;
    volatile int subgraphRequests;
    volatile int errors;

    OperationRecord(Span span, Scope scope, long startNanos) {
        this.span = span;
        this.scope = scope;
        this.startNanos = startNanos;
    }

    @Override
    public void planned(OperationDefinition.Operation operationType, String operationName, QueryPlan plan) {
        type = operationType.name().toLowerCase();
        name = operationName;
        planned = true;
        if (operationName != null && VertxContext.isOnDuplicatedContext()) {
            MDC.put("operation", operationName);
        }
        int levels = 0;
        for (QueryPlan.Phase phase : plan.phases()) {
            levels += phase.stages().size();
        }
        planLevels = levels;
        if (!span.isRecording()) {
            return;
        }
        span.updateName(type + (operationName == null ? "" : " " + operationName));
        span.setAttribute("graphql.operation.type", type);
        if (operationName != null) {
            span.setAttribute("graphql.operation.name", operationName);
        }
        span.setAttribute("lodestone.plan.levels", planLevels);
        span.setAttribute("lodestone.plan.fetches", plan.fetchCount());
    }

    @Override
    public void executed(int requests, int responseErrors) {
        subgraphRequests = requests;
        errors = responseErrors;
        if (span.isRecording()) {
            span.setAttribute("lodestone.subgraph.requests", requests);
            span.setAttribute("graphql.errors", responseErrors);
        }
    }
}
