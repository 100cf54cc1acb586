package org.lodestone.gateway.execution;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Identical calls in flight at the same time share one execution: the first caller of a key starts the call, every
 * caller arriving before it completes gets the same outcome, and the key is forgotten as soon as the call completes
 * (this is not a cache: a later caller starts a new call). The key must hold everything that can change the answer;
 * for subgraph requests that is the subgraph, the exact body and the caller's Authorization header.
 *
 * @param <K> the identity of a call
 * @param <V> its outcome, which callers must not modify (it is shared)
 */
public final class InflightRequests<K, V> {

    private final Map<K, CompletableFuture<V>> inflight = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong joined = new AtomicLong();

    /** The outcome of {@code call} for {@code key}, started on subscription unless the same key is in flight. */
    public Uni<V> share(K key, Supplier<Uni<V>> call) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<V> mine = new CompletableFuture<>();
            CompletableFuture<V> running = inflight.putIfAbsent(key, mine);
            if (running != null) {
                joined.incrementAndGet();
                // A copy per caller: one caller cancelling (a timeout, a failed sibling fetch) leaves the others be.
                return Uni.createFrom().completionStage(running.copy());
            }
            started.incrementAndGet();
            Uni<V> upstream;
            try {
                upstream = call.get();
            } catch (RuntimeException e) {
                upstream = Uni.createFrom().failure(e);
            }
            // Forget the key before completing, so a caller woken by the outcome never joins a finished call.
            upstream.subscribe().with(item -> {
                inflight.remove(key, mine);
                mine.complete(item);
            }, failure -> {
                inflight.remove(key, mine);
                mine.completeExceptionally(failure);
            });
            return Uni.createFrom().completionStage(mine.copy());
        });
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
