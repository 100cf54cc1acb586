package org.lodestone.gateway.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import org.lodestone.gateway.execution.SubgraphClient;
import org.lodestone.gateway.execution.SubgraphUnavailableException;
import org.lodestone.gateway.supergraph.Subgraph;

/**
 * Puts a {@link CircuitBreaker} in front of each subgraph and retries failed queries. While a subgraph is down its
 * requests fail at once (the plan executor turns that into {@code SUBGRAPH_UNAVAILABLE} on the affected paths)
 * instead of each waiting for a connect timeout; one probe request at a time finds out when it is back. A query
 * that failed to reach the subgraph is sent again; a mutation never is, since the subgraph may have applied it
 * before the connection broke. A query that timed out is not sent again either: the subgraph is slow, not gone,
 * and a second attempt would double the caller's wait.
 */
public final class ResilientSubgraphClient implements SubgraphClient {

    /**
     * @param failureThreshold consecutive failures that open a subgraph's circuit
     * @param openFor how long an open circuit refuses requests before it lets a probe through
     * @param queryRetries further attempts for a query after the first failed
     * @param retryDelay pause before each further attempt
     */
    public record Policy(int failureThreshold, Duration openFor, int queryRetries, Duration retryDelay) {
    }

    private final SubgraphClient delegate;
    private final Policy policy;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public ResilientSubgraphClient(SubgraphClient delegate, Policy policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    /** The circuit breaker of one subgraph (created on first use). */
    public CircuitBreaker breaker(String subgraph) {
        return breakers.computeIfAbsent(subgraph,
                name -> new CircuitBreaker(name, policy.failureThreshold(), policy.openFor()));
    }

    @Override
    public Uni<Map<String, Object>> send(Subgraph subgraph, Map<String, Object> body, String authorization) {
        return SubgraphClient.asUni(call(subgraph, body, authorization));
    }

    @Override
    public Future<Map<String, Object>> call(Subgraph subgraph, Map<String, Object> body, String authorization) {
        int retries = isMutation(body) ? 0 : policy.queryRetries();
        return attempt(subgraph, body, authorization, retries);
    }

    private Future<Map<String, Object>> attempt(Subgraph subgraph, Map<String, Object> body, String authorization,
            int retriesLeft) {
        CircuitBreaker breaker = breaker(subgraph.name());
        if (!breaker.tryAcquire()) {
            return Future.failedFuture(new SubgraphUnavailableException("Subgraph " + subgraph.name()
                    + " is unavailable: its recent requests failed, so the gateway holds new ones back for "
                    + Math.max(1, breaker.remainingOpen().toMillis()) + " ms before it tries again"));
        }
        Future<Map<String, Object>> sent;
        try {
            sent = delegate.call(subgraph, body, authorization);
        } catch (RuntimeException e) {
            sent = Future.failedFuture(e);
        }
        return sent.compose(answer -> {
            breaker.success();
            return Future.succeededFuture(answer);
        }, failure -> {
            breaker.failure();
            if (retriesLeft <= 0 || isTimeout(failure)) {
                return Future.failedFuture(failure);
            }
            return pause(policy.retryDelay()).compose(ignored -> attempt(subgraph, body, authorization, retriesLeft - 1));
        });
    }

    /**
     * Waits on a Vert.x timer of the caller's own context when there is one, so the next attempt runs where the
     * request does (its trace context and log MDC are that context's); off Vert.x, on Mutiny's scheduler.
     */
    private static Future<Void> pause(Duration delay) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Future.fromCompletionStage(Uni.createFrom().voidItem().onItem().delayIt().by(delay)
                    .subscribeAsCompletionStage());
        }
        Promise<Void> elapsed = Promise.promise();
        context.owner().setTimer(Math.max(1, delay.toMillis()), id -> elapsed.complete());
        return elapsed.future();
    }

    /** The planner writes the keyword of every subgraph operation: {@code mutation} only for root mutation fields. */
    static boolean isMutation(Map<String, Object> body) {
        if (!(body.get("query") instanceof String query)) {
            return false;
        }
        int start = 0;
        while (start < query.length() && Character.isWhitespace(query.charAt(start))) {
            start++;
        }
        // No copy of the document (it runs to kilobytes): compare the keyword in place.
        return query.regionMatches(true, start, "mutation", 0, "mutation".length());
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
