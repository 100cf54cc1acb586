package org.lodestone.gateway.pipeline;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lodestone.gateway.planning.PlanCache;
import org.lodestone.gateway.planning.QueryPlanner;
import org.lodestone.gateway.supergraph.Supergraph;

/**
 * Progressive {@code @override(from:, label:)}: for each request, decides which labels are active — a label
 * {@code percent(N)} for N% of requests at random, any other label when the configuration enables it — and plans
 * against the supergraph as those labels make it, with one planner and plan cache per combination of labels.
 */
final class ProgressiveOverrides {

    /** More labels than this would mean too many plan caches (2^n); such a supergraph is refused at start. */
    static final int MAX_LABELS = 8;

    private static final Pattern PERCENT = Pattern.compile("percent\\((\\d+(?:\\.\\d+)?)\\)");

    record Variant(QueryPlanner planner, PlanCache cache) {
    }

    private final Supergraph supergraph;
    private final Set<String> labels;
    private final Set<String> enabled;
    private final int cacheSize;
    private final Map<Set<String>, Variant> variants = new ConcurrentHashMap<>();

    /** @param enabled labels (other than {@code percent(N)}) the configuration switches on */
    ProgressiveOverrides(Supergraph supergraph, Set<String> enabled, int cacheSize) {
        this.supergraph = supergraph;
        this.labels = supergraph.overrideLabels();
        this.enabled = Set.copyOf(enabled);
        this.cacheSize = cacheSize;
        if (labels.size() > MAX_LABELS) {
            throw new IllegalStateException("The supergraph uses " + labels.size() + " progressive override labels; "
                    + "the gateway supports at most " + MAX_LABELS);
        }
    }

    boolean any() {
        return !labels.isEmpty();
    }

    /** The labels active for one request. */
    Set<String> draw() {
        Set<String> active = new TreeSet<>();
        for (String label : labels) {
            Matcher percent = PERCENT.matcher(label);
            boolean on = percent.matches()
                    ? ThreadLocalRandom.current().nextDouble(100) < Double.parseDouble(percent.group(1))
                    : enabled.contains(label);
            if (on) {
                active.add(label);
            }
        }
        return Set.copyOf(active);
    }

    Variant variant(Set<String> active) {
        return variants.computeIfAbsent(active, a -> {
            Supergraph seen = supergraph.withActiveOverrideLabels(a);
            return new Variant(new QueryPlanner(seen), new PlanCache(cacheSize));
        });
    }
}
