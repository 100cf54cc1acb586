package org.lodestone.support.cache;

import java.lang.reflect.Field;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategy;
import graphql.execution.ExecutionStrategyParameters;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.spi.EventingService;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves a query from {@link ResultCache} when the same caller asked the same thing since the data last changed, and
 * marks the data changed after every mutation. Installed into SmallRye GraphQL's graphql-java instance (loaded
 * through {@code META-INF/services}) as its query and mutation execution strategies; they extend graphql-java's
 * default strategies, so batch loading works as before. A query's result that may be kept is also handed to the
 * request's {@link PendingAnswer}, so that {@link KeptAnswerRoute} can answer the same request again before SmallRye
 * GraphQL sees it.
 */
public class ResultCaching implements EventingService {

    private static final Logger LOG = Logger.getLogger(ResultCaching.class);

    @Override
    public String getConfigKey() {
        return null; // always on; lodestone.result-cache.enabled=false turns the cache off
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        ExecutionStrategy query = field(builder, "queryExecutionStrategy");
        ExecutionStrategy mutation = field(builder, "mutationExecutionStrategy");
        DataFetcherExceptionHandler handler = field(builder, "defaultExceptionHandler");
        if (query != null || mutation != null || handler == null) {
            LOG.warn("Result cache not installed: the GraphQL engine already has its own execution strategies");
            return builder;
        }
        return builder.queryExecutionStrategy(new CachingQueries(handler))
                .mutationExecutionStrategy(new TrackedMutations(handler));
    }

    @SuppressWarnings("unchecked")
    private static <T> T field(GraphQL.Builder builder, String name) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField(name);
            field.setAccessible(true);
            return (T) field.get(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Result cache: cannot read the GraphQL builder's %s (%s)", name, e);
            return null;
        }
    }

    /** Looked up once (this class is created by SmallRye, not by CDI), not on every request. */
    private volatile ResultCache cache;

    private ResultCache cache() {
        ResultCache known = cache;
        if (known == null) {
            InstanceHandle<ResultCache> handle = Arc.container().instance(ResultCache.class);
            known = handle.isAvailable() ? handle.get() : null;
            cache = known;
        }
        return known;
    }

    /** The bearer token of the request being answered, or null outside a request. */
    private static String caller() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        InstanceHandle<JsonWebToken> token = Arc.container().instance(JsonWebToken.class);
        return token.isAvailable() ? token.get().getRawToken() : null;
    }

    /** The request's {@link PendingAnswer} ({@link KeptAnswerRoute}), or null. */
    private static PendingAnswer pending() {
        InstanceHandle<CurrentVertxRequest> request = Arc.container().instance(CurrentVertxRequest.class);
        RoutingContext context = request.isAvailable() ? request.get().getCurrent() : null;
        return context == null ? null : context.get(PendingAnswer.ATTRIBUTE);
    }

    /** Queries: the kept answer when there is one, else computed and kept. */
    final class CachingQueries extends AsyncExecutionStrategy {

        CachingQueries(DataFetcherExceptionHandler handler) {
            super(handler);
        }

        @Override
        public CompletableFuture<ExecutionResult> execute(ExecutionContext context,
                ExecutionStrategyParameters parameters) {
            ResultCache cache = cache();
            String caller = cache == null || !cache.enabled() ? null : caller();
            if (caller == null) {
                return super.execute(context, parameters);
            }
            var input = context.getExecutionInput();
            ResultCache.Key key = ResultCache.Key.of(input.getQuery(), input.getOperationName(),
                    input.getVariables(), caller);
            long version = cache.version();
            PendingAnswer pending = pending();
            ExecutionResult kept = cache.get(key, version);
            if (kept != null) {
                if (pending != null) {
                    pending.computed(kept);
                }
                return CompletableFuture.completedFuture(kept);
            }
            return super.execute(context, parameters).thenApply(result -> {
                // field errors are collected on the context and added to the answer after this strategy
                if (context.getErrors().isEmpty()) {
                    cache.put(key, version, result);
                    if (pending != null) {
                        pending.computed(result);
                    }
                } else if (pending != null) {
                    pending.spoil();
                }
                return result;
            });
        }
    }

    /** Mutations: run as before, then everything kept is outdated (the mutation's transaction has committed). */
    final class TrackedMutations extends AsyncSerialExecutionStrategy {

        TrackedMutations(DataFetcherExceptionHandler handler) {
            super(handler);
        }

        @Override
        public CompletableFuture<ExecutionResult> execute(ExecutionContext context,
                ExecutionStrategyParameters parameters) {
            PendingAnswer pending = Arc.container().requestContext().isActive() ? pending() : null;
            if (pending != null) {
                pending.spoil();
            }
            return super.execute(context, parameters).whenComplete((result, failure) -> {
                ResultCache cache = cache();
                if (cache != null) {
                    cache.changed();
                }
            });
        }
    }
}
