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
        for (Phase phase : phases) {
            Map<Integer, List<Fetch>> byLevel = new TreeMap<>();
            phase.fetches.values().stream().sorted(Comparator.comparingInt(f -> f.id)).forEach(f -> byLevel
                    .computeIfAbsent(f.level, l -> new ArrayList<>())
                    .add(f.build(operation, supergraph.subgraph(f.graph).name())));
            built.add(new QueryPlan.Phase(byLevel.entrySet().stream()
                    .map(e -> new QueryPlan.Stage(e.getKey(), List.copyOf(e.getValue()))).toList()));
        }
        return new QueryPlan(operation.type(), List.copyOf(built));
    }

    final class Phase {
        private final Map<String, FetchBuilder> fetches = new LinkedHashMap<>();

        FetchBuilder fetch(int level, String graph) {
            return fetches.computeIfAbsent(level + "/" + graph, k -> new FetchBuilder(nextFetchId++, graph, level));
        }

        boolean hasFetch(int level, String graph) {
            return fetches.containsKey(level + "/" + graph);
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
