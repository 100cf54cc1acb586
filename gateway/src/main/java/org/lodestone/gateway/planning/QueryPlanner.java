package org.lodestone.gateway.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import graphql.language.OperationDefinition;

import org.lodestone.gateway.planning.Selection.FieldSelection;
import org.lodestone.gateway.planning.Selection.FragmentSelection;
import org.lodestone.gateway.supergraph.FieldMeta;
import org.lodestone.gateway.supergraph.FieldSet;
import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.supergraph.TypeMeta;

/**
 * Operation to {@link QueryPlan}, driven only by the supergraph's join metadata.
 *
 * <p>Each root field goes to a subgraph resolving it (queries: one fetch per subgraph; mutations: a new
 * phase whenever the subgraph changes, so they run in document order). Below the root,
 * {@link SelectionPlanner} decides field by field whether the current subgraph answers or an
 * {@code _entities} call one level later does. All calls to one subgraph at one level share one request.
 */
public final class QueryPlanner {

    private static final Set<String> INTROSPECTION_ROOT_FIELDS = Set.of("__schema", "__type");

    private final Supergraph supergraph;

    public QueryPlanner(Supergraph supergraph) {
        this.supergraph = supergraph;
    }

    public QueryPlan plan(NormalizedOperation operation) {
        PlanAssembly assembly = new PlanAssembly(supergraph, operation);
        SelectionPlanner selections = new SelectionPlanner(supergraph);
        String rootType = operation.rootTypeName();
        TypeMeta root = supergraph.type(rootType);
        PlanAssembly.Phase phase = null;
        for (RootField rootField : rootFields(operation.selections(), null)) {
            FieldSelection field = rootField.field();
            if (field.denied() || field.isTypename() || INTROSPECTION_ROOT_FIELDS.contains(field.name())) {
                continue;
            }
            FieldMeta meta = root.field(field.name());
            List<String> graphs = meta.resolvingGraphs();
            if (graphs.isEmpty()) {
                throw new PlanningException("No subgraph resolves " + rootType + "." + field.name());
            }
            String graph;
            if (operation.type() == OperationDefinition.Operation.MUTATION) {
                if (phase != null && graphs.contains(phase.firstGraph())) {
                    graph = phase.firstGraph();
                } else {
                    phase = assembly.newPhase();
                    graph = graphs.get(0);
                }
            } else {
                if (phase == null) {
                    phase = assembly.newPhase();
                }
                // Fewest jumps first (a subgraph whose @provides covers the selection needs none), then a subgraph
                // already asked at the root, then supergraph order.
                PlanAssembly.Phase current = phase;
                graph = graphs.stream().min(Comparator.<String>comparingInt(g -> selections.fieldsNeedingAJump(meta, g,
                                field))
                        .thenComparingInt(g -> current.hasFetch(0, g) ? 0 : 1)).orElseThrow();
            }
            Selection.Defer previous = phase.deferring(rootField.defer());
            FetchBuilder fetch = phase.fetch(0, graph);
            if (!fetch.rootKeys.contains(field.responseKey())) {
                fetch.rootKeys.add(field.responseKey());
            }
            selections.planSelections(phase, graph, rootType, List.of(field), fetch.rootSelection, List.of(), fetch,
                    FieldSet.EMPTY);
            phase.deferring(previous);
        }
        return assembly.build();
    }

    /** A root field, with the deferred fragment it was selected in (null when in the initial part). */
    private record RootField(FieldSelection field, Selection.Defer defer) {
    }

    private static List<RootField> rootFields(List<Selection> selections, Selection.Defer defer) {
        List<RootField> result = new ArrayList<>();
        for (Selection selection : selections) {
            if (selection instanceof FieldSelection field) {
                result.add(new RootField(field, defer));
            } else if (selection instanceof FragmentSelection fragment) {
                result.addAll(rootFields(fragment.selections(), fragment.deferred() ? fragment.defer() : defer));
            }
        }
        return result;
    }
}
