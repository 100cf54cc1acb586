package org.lodestone.gateway.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Identical calls in flight at the same time share one execution: the first caller of a key starts the call, every
 * caller arriving before it completes gets the same outcome, and the key is forgotten as soon as the call completes
 * (this is not a cache: a later caller starts a new call). The key must hold everything that can change the answer;
 * for subgraph requests that is the subgraph, the exact body and the caller's Authorization header.
 *
 * @param <K> the identity of a call
 * @param <V> its outcome
 */
public final class InflightRequests<K, V> {

    private final Map<K, Call<V>> inflight = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong joined = new AtomicLong();
    private final UnaryOperator<V> copier;

    /** Every caller gets the same outcome object, which callers must then not modify. */
    public InflightRequests() {
        this(UnaryOperator.identity());
    }

    /**
     * @param copier makes an outcome callers may modify: when several callers share a call, one gets the outcome
     *        itself and each other one a copy, all made before any caller sees its own
     */
    public InflightRequests(UnaryOperator<V> copier) {
        this.copier = copier;
    }

    /**
     * One caller of a call: its own future (so one caller cancelling leaves the others be) and the Vert.x context it
     * asked on (null off Vert.x), where it gets the outcome: each request's tracing context and log MDC live in its own
     * Vert.x context, and the call completes on the context of the caller that started it.
     */
    private record Caller<V>(Promise<V> promise, Context context) {
        void complete(V outcome) {
            onOwnContext(() -> promise.complete(outcome));
        }

        void fail(Throwable failure) {
            onOwnContext(() -> promise.fail(failure));
        }

        private void onOwnContext(Runnable action) {
            if (context == null || context == Vertx.currentContext()) {
                action.run();
            } else {
                context.runOnContext(ignored -> action.run());
            }
        }
    }

    /** The callers of one call. */
    private static final class Call<V> {
        private final List<Caller<V>> callers = new ArrayList<>(2);
        private boolean done;

        /** A future for one more caller, or null when the call has already completed. */
        synchronized Promise<V> join() {
            if (done) {
                return null;
            }
            Promise<V> mine = Promise.promise();
            callers.add(new Caller<>(mine, Vertx.currentContext()));
            return mine;
        }

        synchronized List<Caller<V>> finish() {
            done = true;
            return callers;
        }
    }

    /** The outcome of {@code call} for {@code key}, started on subscription unless the same key is in flight. */
    public Uni<V> share(K key, Supplier<Uni<V>> call) {
        return Uni.createFrom().deferred(() -> Uni.createFrom().completionStage(
                shareNow(key, () -> Future.fromCompletionStage(call.get().subscribeAsCompletionStage()))
                        .toCompletionStage()));
    }

    /**
     * As {@link #share}, started at once, on Vert.x futures: {@code call} starts unless the same key is in flight;
     * each caller gets its outcome on the Vert.x context it called from.
     */
    public Future<V> shareNow(K key, Supplier<Future<V>> call) {
        Call<V> mine = new Call<>();
        Call<V> running = inflight.putIfAbsent(key, mine);
        if (running != null) {
            Promise<V> joinedCall = running.join();
            if (joinedCall != null) {
                joined.incrementAndGet();
                return joinedCall.future();
            }
            // It completed between the lookup and now: start a call of our own, not shared.
            started.incrementAndGet();
            return start(call);
        }
        started.incrementAndGet();
        Promise<V> first = mine.join();
        // Forget the key before completing, so a caller woken by the outcome never joins a finished call.
        start(call).onComplete(outcome -> {
            inflight.remove(key, mine);
            List<Caller<V>> callers = mine.finish();
            if (outcome.failed()) {
                callers.forEach(caller -> caller.fail(outcome.cause()));
                return;
            }
            V item = outcome.result();
            // Copies first: the first caller may modify its outcome as soon as it has it.
            List<V> outcomes = new ArrayList<>(callers.size());
            outcomes.add(item);
            for (int i = 1; i < callers.size(); i++) {
                outcomes.add(copier.apply(item));
            }
            for (int i = 0; i < callers.size(); i++) {
                callers.get(i).complete(outcomes.get(i));
            }
        });
        return first.future();
    }

    private Future<V> start(Supplier<Future<V>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /** Calls actually executed. */
    public long started() {
        return started.get();
    }

    /** Callers that shared a call already in flight instead of starting one. */
    public long joined() {
        return joined.get();
    }

    /** Keys in flight right now. */
    public int size() {
        return inflight.size();
    }
}
