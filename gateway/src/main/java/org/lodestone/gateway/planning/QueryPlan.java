package org.lodestone.gateway.planning;

import java.util.List;

import graphql.language.OperationDefinition;

/**
 * What the gateway will send where, computed once per normalized operation and reused.
 * Phases run one after the other (a mutation's root fields keep their order); inside a phase,
 * stages run level by level, and the fetches of one stage run in parallel, at most one per subgraph.
 */
public record QueryPlan(OperationDefinition.Operation type, List<Phase> phases) {

    public record Phase(List<Stage> stages) {
    }

    public record Stage(int level, List<Fetch> fetches) {
    }

    public int fetchCount() {
        return phases.stream().flatMap(p -> p.stages().stream()).mapToInt(s -> s.fetches().size()).sum();
    }

    public List<Fetch> fetches() {
        return phases.stream().flatMap(p -> p.stages().stream()).flatMap(s -> s.fetches().stream()).toList();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("QueryPlan(").append(type.name().toLowerCase()).append(") {\n");
        for (int p = 0; p < phases.size(); p++) {
            String indent = "  ";
            if (phases.size() > 1) {
                out.append("  Phase ").append(p).append(" {\n");
                indent = "    ";
            }
            for (Stage stage : phases.get(p).stages()) {
                out.append(indent).append("Level ").append(stage.level()).append(" {\n");
                for (Fetch fetch : stage.fetches()) {
                    out.append(indent).append("  ").append(fetch).append('\n');
                }
                out.append(indent).append("}\n");
            }
            if (phases.size() > 1) {
                out.append("  }\n");
            }
        }
        return out.append('}').toString();
    }
}
