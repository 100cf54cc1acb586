package org.lodestone.gateway.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.lodestone.gateway.planning.Selection.FieldSelection;
import org.lodestone.gateway.planning.Selection.FragmentSelection;
import org.lodestone.gateway.supergraph.FieldMeta;
import org.lodestone.gateway.supergraph.FieldSet;
import org.lodestone.gateway.supergraph.KeyMeta;
import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.supergraph.TypeMeta;

/**
 * Plans a selection set inside one fetch. Each field is resolved by the subgraph currently being
 * queried when that subgraph can (which also settles {@code @shareable} fields consistently and
 * honours {@code @provides}); otherwise {@code __typename} and the key (plus {@code @requires}) fields
 * join the current selection and an {@code _entities} call is scheduled one level later.
 * Every method returns the deepest level it used.
 */
final class SelectionPlanner {

    private final Supergraph supergraph;
    private final InterfaceObjectPlanning interfaceObjects;

    SelectionPlanner(Supergraph supergraph) {
        this.supergraph = supergraph;
        this.interfaceObjects = new InterfaceObjectPlanning(supergraph, this);
    }

    int planSelections(PlanAssembly.Phase phase, String graph, String typeName, List<Selection> selections,
            ForwardedSelection out, List<String> path, FetchBuilder fetch, FieldSet provided) {
        TypeMeta type = supergraph.type(typeName);
        if (type.isAbstract() && type.interfaceObjectGraphs().contains(graph)) {
            return interfaceObjects.planInInterfaceObject(phase, graph, type, selections, out, path, fetch, provided);
        }
        int deepest = fetch.level;
        for (Selection selection : selections) {
            if (selection instanceof FragmentSelection fragment) {
                deepest = Math.max(deepest, planFragment(phase, graph, type, fragment, out, path, fetch, provided));
                continue;
            }
            FieldSelection field = (FieldSelection) selection;
            if (field.denied()) {
                continue;
            }
            if (field.isTypename()) {
                out.field(field.responseKey(), field.name(), "", List.of());
                continue;
            }
            FieldMeta meta = type.field(field.name());
            // A field with @requires needs its required fields in the representation, so it always
            // goes through _entities, even when the current subgraph is the one resolving it.
            boolean local = (meta.resolvableIn(graph) && meta.source(graph).get().requires().isEmpty())
                    || provided.contains(field.name());
            String interfaceObjectGraph = local ? null : interfaceObjects.graphResolving(type, field.name());
            if (interfaceObjectGraph != null) {
                deepest = Math.max(deepest, interfaceObjects.planRemoteOnInterface(phase, interfaceObjectGraph, type,
                        field, out, path, fetch));
            } else if (type.isAbstract()) {
                if (local && type.definedIn(graph)) {
                    deepest = Math.max(deepest, planLocal(phase, graph, type, meta, field, out, path, fetch, provided));
                } else {
                    // Not answerable on the interface in this subgraph: ask per implementation.
                    out.field("__typename");
                    for (String concrete : supergraph.possibleTypesIn(typeName, graph)) {
                        deepest = Math.max(deepest, planSelections(phase, graph, concrete, List.of(field),
                                out.fragment(concrete), path, fetch, provided));
                    }
                }
            } else if (local) {
                deepest = Math.max(deepest, planLocal(phase, graph, type, meta, field, out, path, fetch, provided));
            } else {
                deepest = Math.max(deepest, planRemote(phase, graph, type, meta, field, out, path, fetch));
            }
        }
        return deepest;
    }

    private int planFragment(PlanAssembly.Phase phase, String graph, TypeMeta type, FragmentSelection fragment,
            ForwardedSelection out, List<String> path, FetchBuilder fetch, FieldSet provided) {
        String condition = fragment.typeCondition();
        if (condition == null || condition.equals(type.name())) {
            return planSelections(phase, graph, type.name(), fragment.selections(), out, path, fetch, provided);
        }
        if (!type.isAbstract()) {
            // An abstract condition on a concrete parent: applies iff the parent is one of its types.
            return supergraph.possibleTypes(condition).contains(type.name())
                    ? planSelections(phase, graph, type.name(), fragment.selections(), out, path, fetch, provided)
                    : fetch.level;
        }
        Set<String> targets = new TreeSet<>(supergraph.possibleTypes(condition));
        targets.retainAll(supergraph.possibleTypesIn(type.name(), graph));
        out.field("__typename");
        int deepest = fetch.level;
        for (String concrete : targets) {
            // Only types this subgraph can return here (possibleTypesIn above).
            deepest = Math.max(deepest, planSelections(phase, graph, concrete, fragment.selections(),
                    out.fragment(concrete), path, fetch, provided));
        }
        return deepest;
    }

    /** {@code field} answered by {@code graph} itself, its sub-selection planned below it. */
    int planLocal(PlanAssembly.Phase phase, String graph, TypeMeta type, FieldMeta meta, FieldSelection field,
            ForwardedSelection out, List<String> path, FetchBuilder fetch, FieldSet provided) {
        ForwardedSelection.ForwardedField forwarded = out.field(field.responseKey(), field.name(), field.arguments(),
                field.variables());
        TypeMeta returnType = supergraph.type(meta.typeName());
        boolean composite = returnType != null && (returnType.kind() == TypeMeta.Kind.OBJECT || returnType.isAbstract());
        if (!composite) {
            return fetch.level;
        }
        if (field.selections().isEmpty()) {
            // Everything below was skipped or denied; a composite field still needs a selection.
            forwarded.selection().field("__typename");
            return fetch.level;
        }
        List<String> childPath = new ArrayList<>(path);
        childPath.add(field.responseKey());
        for (int i = 0; i < supergraph.listDepth(type.name(), field.name()); i++) {
            childPath.add("@");
        }
        FieldSet childProvided = provided.contains(field.name()) ? provided.child(field.name())
                : meta.source(graph).map(s -> s.provides()).orElse(FieldSet.EMPTY);
        if (returnType.isAbstract()) {
            forwarded.selection().field("__typename");
        }
        int deepest = planSelections(phase, graph, meta.typeName(), field.selections(), forwarded.selection(),
                List.copyOf(childPath), fetch, childProvided);
        if (forwarded.selection().isEmpty()) {
            forwarded.selection().field("__typename");
        }
        return deepest;
    }

    /** {@code field} answered by another subgraph through an {@code _entities} call. */
    private int planRemote(PlanAssembly.Phase phase, String graph, TypeMeta type, FieldMeta meta, FieldSelection field,
            ForwardedSelection out, List<String> path, FetchBuilder fetch) {
        List<String> candidates = meta.resolvingGraphs().stream().filter(g -> type.resolvableKey(g) != null).toList();
        if (candidates.isEmpty()) {
            throw new PlanningException("No subgraph can resolve " + type.name() + "." + field.name()
                    + " for an entity reached through " + supergraph.subgraph(graph).name());
        }
        KeyMeta currentKey = type.keys().stream().filter(k -> k.graph().equals(graph)).findFirst().orElse(null);
        // Prefer a subgraph that already has a call for these objects, so one jump serves many fields.
        String target = candidates.stream().filter(g -> phase.hasJump(g, type.name(), path))
                .findFirst().orElse(candidates.get(0));
        KeyMeta key = type.resolvableKey(target);
        if (currentKey == null && !key.fields().fields().keySet().stream()
                .allMatch(k -> type.field(k) != null && type.field(k).resolvableIn(graph))) {
            throw new PlanningException("Subgraph " + supergraph.subgraph(graph).name() + " cannot provide the key of "
                    + type.name() + " needed by " + supergraph.subgraph(target).name());
        }
        FieldSet requires = meta.source(target).map(s -> s.requires()).orElse(FieldSet.EMPTY);
        out.field("__typename");
        Map<String, String> aliases = new LinkedHashMap<>(out.addFieldSet(key.fields()));
        int requiresLevel = fetch.level;
        if (!requires.isEmpty()) {
            // @requires fields are themselves planned, possibly through other subgraphs first.
            List<Selection> requiredSelections = new ArrayList<>();
            requires.fields().forEach((name, child) -> {
                String responseKey = out.responseKeyFor(name);
                if (!responseKey.equals(name)) {
                    aliases.put(name, responseKey);
                }
                requiredSelections.add(new FieldSelection(responseKey, name, "", asSelections(child), false, List.of()));
            });
            requiresLevel = planSelections(phase, graph, type.name(), requiredSelections, out, path, fetch,
                    FieldSet.EMPTY);
        }
        int level = Math.max(fetch.level, requiresLevel) + 1;
        FetchBuilder entityFetch = phase.fetch(level, target);
        FetchBuilder.JumpBuilder jump = entityFetch.jump(type.name(), path);
        jump.addRepresentation(key.fields(), requires);
        jump.representationKeys.putAll(aliases);
        return planLocal(phase, target, type, meta, field, jump.selection, path, entityFetch, FieldSet.EMPTY);
    }

    private static List<Selection> asSelections(FieldSet fieldSet) {
        List<Selection> result = new ArrayList<>();
        fieldSet.fields().forEach((name, child) -> result.add(
                new FieldSelection(name, name, "", asSelections(child), false, List.of())));
        return result;
    }
}
