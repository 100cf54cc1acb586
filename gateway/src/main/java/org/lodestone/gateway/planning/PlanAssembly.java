package org.lodestone.gateway.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lodestone.gateway.supergraph.Supergraph;

/**
 * The fetches of one plan while it is being computed: phases (a mutation's root fields in order),
 * each holding at most one fetch per subgraph and level.
 */
final class PlanAssembly {

    private final Supergraph supergraph;
    private final NormalizedOperation operation;
    private final List<Phase> phases = new ArrayList<>();
    private int nextFetchId;

    PlanAssembly(Supergraph supergraph, NormalizedOperation operation) {
        this.supergraph = supergraph;
        this.operation = operation;
    }

    Phase newPhase() {
        Phase phase = new Phase();
        phases.add(phase);
        return phase;
    }

    QueryPlan build() {
        List<QueryPlan.Phase> built = new ArrayList<>();
        Map<Selection.Defer, List<FetchBuilder>> deferred = new TreeMap<>(Comparator.comparingInt(Selection.Defer::id));
        for (Phase phase : phases) {
            built.add(new QueryPlan.Phase(stages(phase.fetches.values().stream().filter(f -> f.defer == null).toList())));
            phase.fetches.values().stream().filter(f -> f.defer != null)
                    .forEach(f -> deferred.computeIfAbsent(f.defer, d -> new ArrayList<>()).add(f));
        }
        List<QueryPlan.DeferredPart> parts = deferred.entrySet().stream().map(e -> new QueryPlan.DeferredPart(
                e.getKey().id(), e.getKey().label(), stages(e.getValue()))).toList();
        return new QueryPlan(operation.type(), List.copyOf(built), parts);
    }

    private List<QueryPlan.Stage> stages(List<FetchBuilder> fetches) {
        Map<Integer, List<Fetch>> byLevel = new TreeMap<>();
        fetches.stream().sorted(Comparator.comparingInt(f -> f.id)).forEach(f -> byLevel
                .computeIfAbsent(f.level, l -> new ArrayList<>())
                .add(f.build(operation, supergraph.subgraph(f.graph).name())));
        return byLevel.entrySet().stream().map(e -> new QueryPlan.Stage(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    final class Phase {
        private final Map<String, FetchBuilder> fetches = new LinkedHashMap<>();
        /** The deferred fragment being planned: fetches created now belong to it (run after the initial part). */
        private Selection.Defer currentDefer;

        FetchBuilder fetch(int level, String graph) {
            Selection.Defer defer = currentDefer;
            return fetches.computeIfAbsent(key(level, graph), k -> new FetchBuilder(nextFetchId++, graph, level, defer));
        }

        /**
         * A fetch of its own for calls passing {@code @fromContext} arguments on the objects of {@code typeName} at
         * {@code path}: the executor may split it into one request per distinct context value.
         */
        FetchBuilder contextualFetch(int level, String graph, String typeName, List<String> path) {
            Selection.Defer defer = currentDefer;
            return fetches.computeIfAbsent(key(level, graph) + "/context/" + typeName + "@" + String.join(".", path),
                    k -> new FetchBuilder(nextFetchId++, graph, level, defer));
        }

        boolean hasFetch(int level, String graph) {
            return fetches.containsKey(key(level, graph));
        }

        private String key(int level, String graph) {
            return currentDefer == null ? level + "/" + graph : level + "/" + graph + "/" + currentDefer.id();
        }

        /** Sets the deferred fragment fetches created from now on belong to; returns the previous one. */
        Selection.Defer deferring(Selection.Defer defer) {
            Selection.Defer previous = currentDefer;
            currentDefer = defer;
            return previous;
        }

        /** True when a fetch to {@code graph} already has a call for the objects of {@code typeName} at {@code path}. */
        boolean hasJump(String graph, String typeName, List<String> path) {
            return fetches.values().stream().anyMatch(f -> f.graph.equals(graph) && f.hasJump(typeName, path));
        }

        /** The only graph of a phase whose first fetch decides it (mutations). */
        String firstGraph() {
            return fetches.values().iterator().next().graph;
        }
    }
}
