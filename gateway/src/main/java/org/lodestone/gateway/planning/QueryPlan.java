package org.lodestone.gateway.planning;

import java.util.List;
import java.util.stream.Stream;

import graphql.language.OperationDefinition;

/**
 * What the gateway will send where, computed once per normalized operation and reused.
 * Phases run one after the other (a mutation's root fields keep their order); inside a phase,
 * stages run level by level, and the fetches of one stage run in parallel, at most one per subgraph.
 */
public record QueryPlan(OperationDefinition.Operation type, List<Phase> phases, List<DeferredPart> deferred) {

    public QueryPlan(OperationDefinition.Operation type, List<Phase> phases) {
        this(type, phases, List.of());
    }

    public record Phase(List<Stage> stages) {
    }

    /**
     * The fetches only a deferred fragment needs ({@code @defer}): they run after the initial part was delivered,
     * level by level like a phase. A deferred fragment with no fetch of its own has no part here.
     *
     * @param id the fragment's {@link Selection.Defer#id()}
     */
    public record DeferredPart(int id, String label, List<Stage> stages) {
    }

    public record Stage(int level, List<Fetch> fetches) {
    }

    public int fetchCount() {
        int count = 0;
        for (Phase phase : phases) {
            for (Stage stage : phase.stages()) {
                count += stage.fetches().size();
            }
        }
        for (DeferredPart part : deferred) {
            for (Stage stage : part.stages()) {
                count += stage.fetches().size();
            }
        }
        return count;
    }

    public List<Fetch> fetches() {
        return Stream.concat(phases.stream().flatMap(p -> p.stages().stream()),
                deferred.stream().flatMap(d -> d.stages().stream())).flatMap(s -> s.fetches().stream()).toList();
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
        for (DeferredPart part : deferred) {
            out.append("  Deferred #").append(part.id());
            if (part.label() != null) {
                out.append(" \"").append(part.label()).append('"');
            }
            out.append(" {\n");
            for (Stage stage : part.stages()) {
                out.append("    Level ").append(stage.level()).append(" {\n");
                for (Fetch fetch : stage.fetches()) {
                    out.append("      ").append(fetch).append('\n');
                }
                out.append("    }\n");
            }
            out.append("  }\n");
        }
        return out.append('}').toString();
    }
}
