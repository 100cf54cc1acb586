package org.lodestone.gateway.planning;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** Bounded LRU of plans keyed by canonical operation text (which includes the operation name). */
public final class PlanCache {

    private final int maxSize;
    private final Map<String, QueryPlan> plans;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public PlanCache(int maxSize) {
        this.maxSize = maxSize;
        this.plans = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, QueryPlan> eldest) {
                return size() > maxSize;
            }
        };
    }

    public QueryPlan get(NormalizedOperation operation, Function<NormalizedOperation, QueryPlan> planner) {
        String key = operation.canonicalText();
        synchronized (plans) {
            QueryPlan cached = plans.get(key);
            if (cached != null) {
                hits.incrementAndGet();
                return cached;
            }
        }
        // Planning outside the lock: two threads may plan the same operation once each, which is harmless.
        misses.incrementAndGet();
        QueryPlan plan = planner.apply(operation);
        synchronized (plans) {
            plans.put(key, plan);
        }
        return plan;
    }

    public int maxSize() {
        return maxSize;
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    public int size() {
        synchronized (plans) {
            return plans.size();
        }
    }
}
