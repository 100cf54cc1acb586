package org.lodestone.gateway.planning;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.Parser;

import org.lodestone.gateway.planning.Selection.FieldSelection;
import org.lodestone.gateway.planning.Selection.FragmentSelection;
import org.lodestone.gateway.supergraph.ContextArgument;
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
    /** The objects being planned, innermost first: where a {@code @fromContext} argument finds its ancestor. */
    private final Deque<Ancestor> ancestors = new ArrayDeque<>();
    /** Set by {@link #planRemote} just before it plans a field whose {@code @fromContext} arguments it supplied. */
    private boolean contextArgumentsSupplied;
    private int nextContextVariable;

    /** Objects of {@code typeName} at {@code path}, selected with {@code out} in {@code fetch} to {@code graph}. */
    private record Ancestor(String typeName, String graph, ForwardedSelection out, List<String> path,
            FetchBuilder fetch) {
    }

    SelectionPlanner(Supergraph supergraph) {
        this.supergraph = supergraph;
        this.interfaceObjects = new InterfaceObjectPlanning(supergraph, this);
    }

    int planSelections(PlanAssembly.Phase phase, String graph, String typeName, List<Selection> selections,
            ForwardedSelection out, List<String> path, FetchBuilder fetch, FieldSet provided) {
        ancestors.push(new Ancestor(typeName, graph, out, path, fetch));
        try {
            return planObjectSelections(phase, graph, typeName, selections, out, path, fetch, provided);
        } finally {
            ancestors.pop();
        }
    }

    private int planObjectSelections(PlanAssembly.Phase phase, String graph, String typeName, List<Selection> selections,
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
            // So does a field taking @fromContext arguments: the values are read from an ancestor and passed in.
            boolean local = (meta.resolvableIn(graph) && meta.source(graph).get().requires().isEmpty()
                    && meta.source(graph).get().contexts().isEmpty()) || provided.contains(field.name());
            String interfaceObjectGraph = local ? null : interfaceObjects.graphResolving(type, field.name());
            if (interfaceObjectGraph != null) {
                deepest = Math.max(deepest, interfaceObjects.planRemoteOnInterface(phase, interfaceObjectGraph, type,
                        field, out, path, fetch));
            } else if (type.isAbstract()) {
                if (local && type.definedIn(graph) && (provided.contains(field.name())
                        || resolvableForEveryImplementation(type, graph, field.name()))) {
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

    /**
     * False when some implementation {@code graph} can return here does not resolve the field in {@code graph}
     * (it was {@code @override}n away, or is {@code @external} there), although the interface declares it.
     */
    private boolean resolvableForEveryImplementation(TypeMeta type, String graph, String fieldName) {
        for (String concrete : supergraph.possibleTypesIn(type.name(), graph)) {
            FieldMeta implementation = supergraph.type(concrete).field(fieldName);
            if (implementation != null && !implementation.resolvableIn(graph)) {
                return false;
            }
        }
        return true;
    }

    private int planFragment(PlanAssembly.Phase phase, String graph, TypeMeta type, FragmentSelection fragment,
            ForwardedSelection out, List<String> path, FetchBuilder fetch, FieldSet provided) {
        if (!fragment.deferred()) {
            return planFragmentBody(phase, graph, type, fragment, out, path, fetch, provided);
        }
        // Fields the current subgraph answers still come with the current fetch (the same request, so no later
        // than the initial part); every fetch the fragment needs beyond that belongs to the deferred part.
        Selection.Defer previous = phase.deferring(fragment.defer());
        try {
            return planFragmentBody(phase, graph, type, fragment, out, path, fetch, provided);
        } finally {
            phase.deferring(previous);
        }
    }

    private int planFragmentBody(PlanAssembly.Phase phase, String graph, TypeMeta type, FragmentSelection fragment,
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
        boolean contextsSupplied = contextArgumentsSupplied;
        contextArgumentsSupplied = false;
        if (!contextsSupplied && meta.source(graph).map(s -> !s.contexts().isEmpty()).orElse(false)) {
            throw new PlanningException(type.name() + "." + field.name() + " takes an argument from @fromContext, "
                    + "which cannot be supplied where it is reached through " + supergraph.subgraph(graph).name());
        }
        TypeMeta returnType = supergraph.type(meta.typeName());
        int throughParent = fetch.level;
        if (returnType != null && isValueType(returnType) && !field.selections().isEmpty()) {
            ValueTypeSplit split = splitValueType(graph, returnType, field, provided);
            if (!split.elsewhere().isEmpty()) {
                throughParent = planThroughParent(phase, graph, type, meta, field, split, out, path, fetch);
                field = field.withSelections(split.here().isEmpty()
                        ? List.of(new FieldSelection("__typename", "__typename", "", List.of(), false, List.of()))
                        : split.here());
            }
        }
        ForwardedSelection.ForwardedField forwarded = out.typedField(field.responseKey(), field.name(),
                field.arguments(), field.variables(), declaredType(graph, type, meta));
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
        // A subgraph may declare a narrower type than the supergraph (an object type where the supergraph has an
        // interface): plan against its type, so type conditions its schema cannot have are not sent to it.
        String subgraphType = meta.source(graph).map(s -> s.subgraphType()).orElse(null);
        String plannedType = subgraphType != null && supergraph.type(subgraphType) != null ? subgraphType
                : meta.typeName();
        int deepest = planSelections(phase, graph, plannedType, field.selections(), forwarded.selection(),
                List.copyOf(childPath), fetch, childProvided);
        if (forwarded.selection().isEmpty()) {
            forwarded.selection().field("__typename");
        }
        return Math.max(deepest, throughParent);
    }

    /** The field's whole type in {@code graph}: as {@code @join__field(type:)} gives it, else the supergraph's. */
    private String declaredType(String graph, TypeMeta type, FieldMeta meta) {
        String declared = meta.source(graph).map(s -> s.declaredType()).orElse(null);
        if (declared != null) {
            return declared;
        }
        graphql.schema.GraphQLType parent = supergraph.apiSchema().getType(type.name());
        if (parent instanceof graphql.schema.GraphQLFieldsContainer container
                && container.getFieldDefinition(meta.name()) != null) {
            return graphql.schema.GraphQLTypeUtil.simplePrint(container.getFieldDefinition(meta.name()).getType());
        }
        return null;
    }

    /** An object type without any key (a value type, often {@code @shareable}): reachable only through its parent. */
    private static boolean isValueType(TypeMeta type) {
        return type.kind() == TypeMeta.Kind.OBJECT && type.keys().isEmpty();
    }

    private record ValueTypeSplit(List<Selection> here, List<Selection> elsewhere) {
    }

    /** The top-level fields of a value type's selection {@code graph} cannot resolve, apart from the rest. */
    private static ValueTypeSplit splitValueType(String graph, TypeMeta valueType, FieldSelection field, FieldSet provided) {
        FieldSet childProvided = provided.child(field.name());
        List<Selection> here = new ArrayList<>();
        List<Selection> elsewhere = new ArrayList<>();
        for (Selection selection : field.selections()) {
            if (selection instanceof FieldSelection child && !child.isTypename() && !child.denied()
                    && valueType.field(child.name()) != null && !valueType.field(child.name()).resolvableIn(graph)
                    && !childProvided.contains(child.name())) {
                elsewhere.add(child);
            } else {
                here.add(selection);
            }
        }
        return new ValueTypeSplit(here, elsewhere);
    }

    /**
     * Fields of a value type that {@code graph} cannot resolve are asked again through the parent, from a
     * subgraph that resolves both the parent field and those fields: a second root fetch when the parent is a
     * root type, else an {@code _entities} call on the parent entity. The answers merge into the same object.
     */
    private int planThroughParent(PlanAssembly.Phase phase, String graph, TypeMeta parent, FieldMeta meta,
            FieldSelection field, ValueTypeSplit split, ForwardedSelection out, List<String> path, FetchBuilder fetch) {
        TypeMeta valueType = supergraph.type(meta.typeName());
        boolean root = path.isEmpty() && parent.keys().isEmpty();
        String target = meta.resolvingGraphs().stream()
                .filter(g -> !g.equals(graph))
                .filter(g -> root || keyProvidable(parent, graph, g))
                .filter(g -> split.elsewhere().stream().allMatch(
                        c -> valueType.field(((FieldSelection) c).name()).resolvableIn(g)))
                .findFirst().orElseThrow(() -> new PlanningException("No subgraph can resolve "
                        + split.elsewhere().stream().map(c -> valueType.name() + "." + ((FieldSelection) c).name())
                                .toList()
                        + " through " + parent.name() + "." + field.name() + " for objects from "
                        + supergraph.subgraph(graph).name()));
        FieldSelection remainder = field.withSelections(split.elsewhere());
        if (root) {
            if (supergraph.apiSchema().getMutationType() != null
                    && supergraph.apiSchema().getMutationType().getName().equals(parent.name())) {
                // Asking a second subgraph would run the mutation twice.
                throw new PlanningException("Mutation." + field.name() + " returns fields of " + valueType.name()
                        + " that " + supergraph.subgraph(graph).name() + " cannot resolve");
            }
            FetchBuilder rootFetch = phase.fetch(fetch.level, target);
            if (!rootFetch.rootKeys.contains(field.responseKey())) {
                rootFetch.rootKeys.add(field.responseKey());
            }
            return planLocal(phase, target, parent, meta, remainder, rootFetch.rootSelection, path, rootFetch,
                    FieldSet.EMPTY);
        }
        KeyMeta key = providableKey(parent, graph, target);
        out.field("__typename");
        Map<String, String> aliases = out.addFieldSet(key.fields());
        FetchBuilder entityFetch = phase.fetch(fetch.level + 1, target);
        FetchBuilder.JumpBuilder jump = entityFetch.jump(parent.name(), path);
        jump.addRepresentation(key.fields(), FieldSet.EMPTY);
        jump.representationKeys.putAll(aliases);
        return planLocal(phase, target, parent, meta, remainder, jump.selection, path, entityFetch, FieldSet.EMPTY);
    }

    /** True when {@code graph} can put every field of some key of {@code target} for {@code type} into a representation. */
    private static boolean keyProvidable(TypeMeta type, String graph, String target) {
        return providableKey(type, graph, target) != null;
    }

    /** The first key of {@code target} for {@code type} whose fields {@code graph} resolves, or null. */
    private static KeyMeta providableKey(TypeMeta type, String graph, String target) {
        return type.resolvableKeys(target).stream().filter(key -> key.fields().fields().keySet().stream()
                .allMatch(k -> type.field(k) != null && type.field(k).resolvableIn(graph))).findFirst().orElse(null);
    }

    /** {@code field} answered by another subgraph through an {@code _entities} call. */
    private int planRemote(PlanAssembly.Phase phase, String graph, TypeMeta type, FieldMeta meta, FieldSelection field,
            ForwardedSelection out, List<String> path, FetchBuilder fetch) {
        List<String> candidates = meta.resolvingGraphs().stream().filter(g -> type.resolvableKey(g) != null).toList();
        if (candidates.isEmpty()) {
            throw new PlanningException("No subgraph can resolve " + type.name() + "." + field.name()
                    + " for an entity reached through " + supergraph.subgraph(graph).name());
        }
        // Prefer a subgraph whose key this one can provide; among those, the one needing the fewest further jumps
        // below the field (a subgraph whose @provides covers the selection needs none), then one that already has
        // a call for these objects, so one jump serves many fields.
        String target = candidates.stream().filter(g -> keyProvidable(type, graph, g))
                .min(Comparator.<String>comparingInt(g -> fieldsNeedingAJump(meta, g, field))
                        .thenComparingInt(g -> phase.hasJump(g, type.name(), path) ? 0 : 1))
                .orElse(candidates.get(0));
        KeyMeta key = keyProvidable(type, graph, target) ? providableKey(type, graph, target) : type.resolvableKey(target);
        FieldSet requires = meta.source(target).map(s -> s.requires()).orElse(FieldSet.EMPTY);
        out.field("__typename");
        int requiresLevel = fetch.level;
        Map<String, String> aliases;
        if (keyProvidable(type, graph, target)) {
            aliases = new LinkedHashMap<>(out.addFieldSet(key.fields()));
        } else {
            // The current subgraph lacks (part of) the key the target needs: fetch those key fields first,
            // through another subgraph whose key it does have (an extra step), like @requires fields.
            aliases = new LinkedHashMap<>();
            List<Selection> keySelections = new ArrayList<>();
            key.fields().fields().forEach((name, child) -> {
                String responseKey = out.responseKeyFor(name);
                if (!responseKey.equals(name)) {
                    aliases.put(name, responseKey);
                }
                keySelections.add(new FieldSelection(responseKey, name, "", asSelections(child), false, List.of()));
            });
            if (key.fields().fields().keySet().stream().anyMatch(k -> !type.field(k).resolvableIn(graph)
                    && candidatesWithProvidableKey(type, graph, k).isEmpty())) {
                throw new PlanningException("Subgraph " + supergraph.subgraph(graph).name() + " cannot provide the key of "
                        + type.name() + " needed by " + supergraph.subgraph(target).name()
                        + ", and no subgraph it can reach supplies it");
            }
            requiresLevel = planSelections(phase, graph, type.name(), keySelections, out, path, fetch, FieldSet.EMPTY);
        }
        requiresLevel = Math.max(requiresLevel, planRequired(phase, graph, type, requires, out, path, fetch, aliases));
        List<ContextArgument> contextArguments = meta.source(target).map(s -> s.contexts()).orElse(List.of());
        List<ContextValue> contextValues = new ArrayList<>();
        for (ContextArgument argument : contextArguments) {
            PlannedContext planned = planContextValue(phase, type, field, path, argument);
            requiresLevel = Math.max(requiresLevel, planned.level());
            contextValues.add(planned.value());
        }
        int level = Math.max(fetch.level, requiresLevel) + 1;
        FetchBuilder entityFetch = contextValues.isEmpty() ? phase.fetch(level, target)
                : phase.contextualFetch(level, target, type.name(), path);
        FetchBuilder.JumpBuilder jump = entityFetch.jump(type.name(), path);
        jump.addRepresentation(key.fields(), requires);
        jump.representationKeys.putAll(aliases);
        if (contextValues.isEmpty()) {
            return planLocal(phase, target, type, meta, field, jump.selection, path, entityFetch, FieldSet.EMPTY);
        }
        jump.contexts.addAll(contextValues);
        StringBuilder arguments = new StringBuilder(field.arguments());
        for (int i = 0; i < contextArguments.size(); i++) {
            if (!arguments.isEmpty()) {
                arguments.append(", ");
            }
            arguments.append(contextArguments.get(i).name()).append(": $").append(contextValues.get(i).variable());
        }
        FieldSelection withContext = new FieldSelection(field.responseKey(), field.name(), arguments.toString(),
                field.selections(), field.denied(), field.variables());
        contextArgumentsSupplied = true;
        return planLocal(phase, target, type, meta, withContext, jump.selection, path, entityFetch, FieldSet.EMPTY);
    }

    /**
     * Plans {@code @requires} fields into the parent selection, possibly through other subgraphs first.
     *
     * @param aliases receives the response keys of required fields that could not keep their name
     * @return the deepest level used
     */
    int planRequired(PlanAssembly.Phase phase, String graph, TypeMeta type, FieldSet requires, ForwardedSelection out,
            List<String> path, FetchBuilder fetch, Map<String, String> aliases) {
        if (requires.isEmpty()) {
            return fetch.level;
        }
        List<Selection> requiredSelections = new ArrayList<>();
        requires.fields().forEach((name, child) -> {
            // A required field with arguments always gets its own alias, so that a field of the same name the
            // client selects (with other arguments), before or after it, never shares its response key.
            String arguments = requires.arguments(name);
            String responseKey = arguments.isEmpty() ? out.responseKeyFor(name)
                    : ForwardedSelection.INTERNAL_ALIAS_PREFIX + name + "_" + Integer.toHexString(arguments.hashCode());
            if (!responseKey.equals(name)) {
                aliases.put(name, responseKey);
            }
            requiredSelections.add(new FieldSelection(responseKey, name, arguments, asSelections(child), false,
                    List.of()));
        });
        return planSelections(phase, graph, type.name(), requiredSelections, out, path, fetch, FieldSet.EMPTY);
    }

    /** A context value and the deepest level its fetching uses (the call passing it runs after). */
    private record PlannedContext(ContextValue value, int level) {
    }

    /**
     * Asks the nearest ancestor carrying {@code argument}'s context for the context's selection, under an alias of
     * its own (fetched from whichever subgraph can resolve it, like a {@code @requires} field).
     */
    private PlannedContext planContextValue(PlanAssembly.Phase phase, TypeMeta type, FieldSelection field,
            List<String> path, ContextArgument argument) {
        Set<String> contextTypes = supergraph.contextTypes(argument.context());
        Set<String> concrete = new TreeSet<>();
        contextTypes.forEach(t -> concrete.addAll(supergraph.possibleTypes(t)));
        Ancestor ancestor = null;
        for (Ancestor candidate : ancestors) {
            if (candidate.path().size() < path.size() && (contextTypes.contains(candidate.typeName())
                    || concrete.contains(candidate.typeName()))) {
                ancestor = candidate;
                break;
            }
        }
        if (ancestor == null) {
            throw new PlanningException(type.name() + "." + field.name() + " takes its argument "
                    + argument.name() + " from context " + argument.context()
                    + ", which no enclosing selection of this operation provides");
        }
        String alias = ForwardedSelection.INTERNAL_ALIAS_PREFIX + "ctx_" + nextContextVariable;
        List<String> valuePath = new ArrayList<>();
        List<Selection> selections = contextSelections(type, field, argument, alias, valuePath);
        ancestor.out().field("__typename");
        int level = planSelections(phase, ancestor.graph(), ancestor.typeName(), selections, ancestor.out(),
                ancestor.path(), ancestor.fetch(), FieldSet.EMPTY);
        ContextValue value = new ContextValue("contextualArgument_" + nextContextVariable++, argument.type(),
                ancestor.path(), Set.copyOf(concrete), List.copyOf(valuePath));
        return new PlannedContext(value, level);
    }

    /**
     * The context's selection as the gateway asks it of the ancestor: its one field under {@code alias} (inside each
     * type condition when it has them, which then must all select the same field), and in {@code valuePath} the
     * response keys leading from the ancestor to the value.
     */
    private static List<Selection> contextSelections(TypeMeta type, FieldSelection field, ContextArgument argument,
            String alias, List<String> valuePath) {
        String where = "The @fromContext selection of " + type.name() + "." + field.name();
        SelectionSet set = ((OperationDefinition) Parser
                .parse("{" + argument.selection() + "}").getDefinitions().get(0)).getSelectionSet();
        List<Selection> result = new ArrayList<>();
        Field first = null;
        for (graphql.language.Selection<?> selection : set.getSelections()) {
            Field valueField;
            String condition = null;
            if (selection instanceof Field plain) {
                valueField = plain;
            } else if (selection instanceof InlineFragment fragment && fragment.getTypeCondition() != null
                    && fragment.getSelectionSet().getSelections().size() == 1
                    && fragment.getSelectionSet().getSelections().get(0) instanceof Field inner) {
                valueField = inner;
                condition = fragment.getTypeCondition().getName();
            } else {
                throw new PlanningException(where + " must select one field, possibly under type conditions");
            }
            if (first == null) {
                first = valueField;
            } else if (!first.getName().equals(valueField.getName()) || condition == null
                    || result.get(0) instanceof FieldSelection) {
                throw new PlanningException(where + " must select the same one field under every type condition");
            }
            FieldSelection aliased = new FieldSelection(alias, valueField.getName(), printedArguments(valueField),
                    plainSelections(valueField.getSelectionSet()), false, List.of());
            result.add(condition == null ? aliased : new FragmentSelection(condition, List.of(aliased)));
        }
        if (first == null) {
            throw new PlanningException(where + " is empty");
        }
        valuePath.add(alias);
        SelectionSet below = first.getSelectionSet();
        while (below != null && !below.getSelections().isEmpty()) {
            if (below.getSelections().size() != 1 || !(below.getSelections().get(0) instanceof Field next)) {
                throw new PlanningException(where + " must lead to one value");
            }
            valuePath.add(next.getName());
            below = next.getSelectionSet();
        }
        return result;
    }

    private static String printedArguments(Field field) {
        return field.getArguments().stream().map(AstPrinter::printAst)
                .collect(Collectors.joining(", "));
    }

    private static List<Selection> plainSelections(SelectionSet set) {
        List<Selection> result = new ArrayList<>();
        if (set != null) {
            for (graphql.language.Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field child) {
                    result.add(new FieldSelection(child.getName(), child.getName(), printedArguments(child),
                            plainSelections(child.getSelectionSet()), false, List.of()));
                }
            }
        }
        return result;
    }

    /** How many fields directly below {@code field} {@code graph} could neither resolve nor provide. */
    int fieldsNeedingAJump(FieldMeta meta, String graph, FieldSelection field) {
        TypeMeta returned = supergraph.type(meta.typeName());
        if (returned == null || returned.kind() != TypeMeta.Kind.OBJECT) {
            return 0;
        }
        FieldSet provides = meta.source(graph).map(s -> s.provides()).orElse(FieldSet.EMPTY);
        int count = 0;
        for (Selection selection : field.selections()) {
            if (selection instanceof FieldSelection child && !child.isTypename() && !child.denied()
                    && returned.field(child.name()) != null && !returned.field(child.name()).resolvableIn(graph)
                    && !provides.contains(child.name())) {
                count++;
            }
        }
        return count;
    }

    /** Subgraphs resolving {@code type.fieldName} whose key {@code graph} can provide (no further step needed). */
    private static List<String> candidatesWithProvidableKey(TypeMeta type, String graph, String fieldName) {
        return type.field(fieldName).resolvingGraphs().stream().filter(g -> keyProvidable(type, graph, g)).toList();
    }

    private static List<Selection> asSelections(FieldSet fieldSet) {
        List<Selection> result = new ArrayList<>();
        fieldSet.fields().forEach((name, child) -> result.add(
                new FieldSelection(name, name, fieldSet.arguments(name), asSelections(child), false, List.of())));
        fieldSet.typeConditions().forEach((condition, set) -> result.add(
                new FragmentSelection(condition, asSelections(set))));
        return result;
    }
}
