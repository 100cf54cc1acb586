package org.lodestone.gateway.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import graphql.language.AstPrinter;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;

import org.lodestone.gateway.planning.Selection.FieldSelection;
import org.lodestone.gateway.planning.Selection.FragmentSelection;
import org.lodestone.gateway.supergraph.FieldMeta;
import org.lodestone.gateway.supergraph.FieldSet;
import org.lodestone.gateway.supergraph.KeyMeta;
import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.supergraph.TypeMeta;

/**
 * Operation to {@link QueryPlan}, driven only by the supergraph's join metadata.
 *
 * <p>Each field is resolved by the subgraph currently being queried when that subgraph can
 * (which also settles {@code @shareable} fields consistently and honours {@code @provides});
 * otherwise the planner adds {@code __typename} and the key (plus {@code @requires}) fields to the
 * current selection and schedules an {@code _entities} call one level later. All calls to one
 * subgraph at one level share one request.
 */
public final class QueryPlanner {

    private static final Set<String> INTROSPECTION_ROOT_FIELDS = Set.of("__schema", "__type");

    private final Supergraph supergraph;

    public QueryPlanner(Supergraph supergraph) {
        this.supergraph = supergraph;
    }

    public QueryPlan plan(NormalizedOperation operation) {
        return new Run(operation).plan();
    }

    private final class Run {
        private final NormalizedOperation operation;
        private final List<Map<String, FetchBuilder>> phases = new ArrayList<>();
        private int nextFetchId;

        Run(NormalizedOperation operation) {
            this.operation = operation;
        }

        QueryPlan plan() {
            String rootType = operation.rootTypeName();
            TypeMeta root = supergraph.type(rootType);
            Map<String, FetchBuilder> phase = null;
            for (FieldSelection field : rootFields(operation.selections())) {
                if (field.denied() || field.isTypename() || INTROSPECTION_ROOT_FIELDS.contains(field.name())) {
                    continue;
                }
                FieldMeta meta = root.field(field.name());
                List<String> graphs = meta.resolvingGraphs();
                if (graphs.isEmpty()) {
                    throw new PlanningException("No subgraph resolves " + rootType + "." + field.name());
                }
                String graph = null;
                if (operation.type() == OperationDefinition.Operation.MUTATION) {
                    // Mutations keep their order: a new phase whenever the owning subgraph changes.
                    FetchBuilder current = phase == null ? null : phase.values().iterator().next();
                    if (current != null && graphs.contains(current.graph)) {
                        graph = current.graph;
                    } else {
                        phase = new LinkedHashMap<>();
                        phases.add(phase);
                        graph = graphs.get(0);
                    }
                } else {
                    if (phase == null) {
                        phase = new LinkedHashMap<>();
                        phases.add(phase);
                    }
                    final Map<String, FetchBuilder> current = phase;
                    graph = graphs.stream().filter(g -> current.containsKey(key(0, g))).findFirst().orElse(graphs.get(0));
                }
                FetchBuilder fetch = fetch(phase, 0, graph);
                fetch.rootKeys.add(field.responseKey());
                planSelections(phase, graph, rootType, List.of(field), fetch.rootSelection, List.of(), fetch, FieldSet.EMPTY);
            }
            return build();
        }

        private List<FieldSelection> rootFields(List<Selection> selections) {
            List<FieldSelection> result = new ArrayList<>();
            for (Selection selection : selections) {
                if (selection instanceof FieldSelection field) {
                    result.add(field);
                } else if (selection instanceof FragmentSelection fragment) {
                    result.addAll(rootFields(fragment.selections()));
                }
            }
            return result;
        }

        /** Plans {@code selections} on {@code typeName} inside {@code fetch}; returns the deepest level used. */
        private int planSelections(Map<String, FetchBuilder> phase, String graph, String typeName, List<Selection> selections,
                ForwardedSelection out, List<String> path, FetchBuilder fetch, FieldSet provided) {
            TypeMeta type = supergraph.type(typeName);
            if (type.isAbstract() && type.interfaceObjectGraphs().contains(graph)) {
                return planInInterfaceObject(phase, graph, type, selections, out, path, fetch, provided);
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
                String interfaceObjectGraph = local ? null : interfaceObjectGraph(type, field.name());
                if (interfaceObjectGraph != null) {
                    // Contributed to the interface by an @interfaceObject subgraph: fetched as the interface.
                    TypeMeta owner = interfaceDeclaring(type, field.name(), interfaceObjectGraph);
                    deepest = Math.max(deepest, planRemoteOnInterface(phase, interfaceObjectGraph, owner,
                            owner.field(field.name()), field, out, path, fetch));
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

        /**
         * The @interfaceObject subgraph able to resolve {@code fieldName} for objects of {@code type}
         * (the interface itself, or an implementation of it), or null.
         */
        private String interfaceObjectGraph(TypeMeta type, String fieldName) {
            for (TypeMeta candidate : interfacesOf(type)) {
                FieldMeta meta = candidate.field(fieldName);
                if (meta == null) {
                    continue;
                }
                for (String graph : candidate.interfaceObjectGraphs()) {
                    if (meta.resolvableIn(graph) && candidate.resolvableKey(graph) != null) {
                        return graph;
                    }
                }
            }
            return null;
        }

        private TypeMeta interfaceDeclaring(TypeMeta type, String fieldName, String graph) {
            return interfacesOf(type).stream()
                    .filter(i -> i.interfaceObjectGraphs().contains(graph) && i.field(fieldName) != null)
                    .findFirst().orElseThrow();
        }

        private List<TypeMeta> interfacesOf(TypeMeta type) {
            List<TypeMeta> result = new ArrayList<>();
            if (type.kind() == TypeMeta.Kind.INTERFACE) {
                result.add(type);
            }
            if (supergraph.apiSchema().getType(type.name()) instanceof graphql.schema.GraphQLObjectType object) {
                object.getInterfaces().forEach(i -> result.add(supergraph.type(((graphql.schema.GraphQLNamedType) i).getName())));
            }
            return result;
        }

        /**
         * In a subgraph that sees an interface as an @interfaceObject, objects come back as the
         * interface name: fields it owns are asked here, and everything else (the concrete
         * {@code __typename} first) from a subgraph where the interface is a real entity interface.
         */
        private int planInInterfaceObject(Map<String, FetchBuilder> phase, String graph, TypeMeta type,
                List<Selection> selections, ForwardedSelection out, List<String> path, FetchBuilder fetch, FieldSet provided) {
            int deepest = fetch.level;
            List<Selection> elsewhere = new ArrayList<>();
            for (Selection selection : selections) {
                if (selection instanceof FieldSelection field && !field.denied() && !field.isTypename()
                        && type.field(field.name()) != null && type.field(field.name()).resolvableIn(graph)) {
                    deepest = Math.max(deepest, planLocal(phase, graph, type, type.field(field.name()), field, out, path,
                            fetch, provided));
                } else {
                    elsewhere.add(selection);
                }
            }
            KeyMeta key = type.keys().stream()
                    .filter(k -> k.resolvable() && !type.interfaceObjectGraphs().contains(k.graph()))
                    .findFirst().orElseThrow(() -> new PlanningException("No subgraph resolves the concrete type of "
                            + type.name() + " objects returned by " + supergraph.subgraph(graph).name()));
            out.field("__typename");
            out.addFieldSet(key.fields());
            FetchBuilder entityFetch = fetch(phase, fetch.level + 1, key.graph());
            JumpBuilder jump = entityFetch.jumps.computeIfAbsent(jumpKey(type.name(), path),
                    k -> new JumpBuilder(type.name(), path));
            jump.representation = jump.representation.union(key.fields());
            jump.key = jump.key.union(key.fields());
            jump.selection.field("__typename");
            return Math.max(deepest, planSelections(phase, key.graph(), type.name(), elsewhere, jump.selection, path,
                    entityFetch, FieldSet.EMPTY));
        }

        /** A field an @interfaceObject subgraph adds to an interface: representations carry the interface name. */
        private int planRemoteOnInterface(Map<String, FetchBuilder> phase, String target, TypeMeta iface, FieldMeta meta,
                FieldSelection field, ForwardedSelection out, List<String> path, FetchBuilder fetch) {
            KeyMeta key = iface.resolvableKey(target);
            out.field("__typename");
            out.addFieldSet(key.fields());
            FetchBuilder entityFetch = fetch(phase, fetch.level + 1, target);
            JumpBuilder jump = entityFetch.jumps.computeIfAbsent(jumpKey(iface.name(), path),
                    k -> new JumpBuilder(iface.name(), path));
            jump.representation = jump.representation.union(key.fields());
            jump.key = jump.key.union(key.fields());
            return planLocal(phase, target, iface, meta, field, jump.selection, path, entityFetch, FieldSet.EMPTY);
        }

        private int planFragment(Map<String, FetchBuilder> phase, String graph, TypeMeta type, FragmentSelection fragment,
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

        private int planLocal(Map<String, FetchBuilder> phase, String graph, TypeMeta type, FieldMeta meta,
                FieldSelection field, ForwardedSelection out, List<String> path, FetchBuilder fetch, FieldSet provided) {
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
            for (int i = 0; i < listDepth(type.name(), field.name()); i++) {
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

        private int planRemote(Map<String, FetchBuilder> phase, String graph, TypeMeta type, FieldMeta meta,
                FieldSelection field, ForwardedSelection out, List<String> path, FetchBuilder fetch) {
            List<String> candidates = meta.resolvingGraphs().stream().filter(g -> type.resolvableKey(g) != null).toList();
            if (candidates.isEmpty()) {
                throw new PlanningException("No subgraph can resolve " + type.name() + "." + field.name()
                        + " for an entity reached through " + supergraph.subgraph(graph).name());
            }
            KeyMeta currentKey = type.keys().stream().filter(k -> k.graph().equals(graph)).findFirst().orElse(null);
            // Prefer a subgraph that already has a call for these objects, so one jump serves many fields.
            String target = candidates.stream()
                    .filter(g -> phase.values().stream().anyMatch(f -> f.graph.equals(g)
                            && f.jumps.containsKey(jumpKey(type.name(), path))))
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
            FetchBuilder entityFetch = fetch(phase, level, target);
            JumpBuilder jump = entityFetch.jumps.computeIfAbsent(jumpKey(type.name(), path),
                    k -> new JumpBuilder(type.name(), path));
            jump.representation = jump.representation.union(key.fields()).union(requires);
            jump.key = jump.key.union(key.fields());
            jump.representationKeys.putAll(aliases);
            return planLocal(phase, target, type, meta, field, jump.selection, path, entityFetch, FieldSet.EMPTY);
        }

        private List<Selection> asSelections(FieldSet fieldSet) {
            List<Selection> result = new ArrayList<>();
            fieldSet.fields().forEach((name, child) -> result.add(
                    new FieldSelection(name, name, "", asSelections(child), false, List.of())));
            return result;
        }

        private int listDepth(String typeName, String fieldName) {
            GraphQLFieldsContainer container = (GraphQLFieldsContainer) supergraph.apiSchema().getType(typeName);
            GraphQLFieldDefinition definition = container.getFieldDefinition(fieldName);
            int depth = 0;
            GraphQLType type = definition.getType();
            while (type instanceof GraphQLNonNull || type instanceof GraphQLList) {
                if (type instanceof GraphQLList list) {
                    depth++;
                    type = list.getWrappedType();
                } else {
                    type = ((GraphQLNonNull) type).getWrappedType();
                }
            }
            return depth;
        }

        private FetchBuilder fetch(Map<String, FetchBuilder> phase, int level, String graph) {
            return phase.computeIfAbsent(key(level, graph), k -> new FetchBuilder(nextFetchId++, graph, level));
        }

        private QueryPlan build() {
            List<QueryPlan.Phase> built = new ArrayList<>();
            for (Map<String, FetchBuilder> phase : phases) {
                Map<Integer, List<Fetch>> byLevel = new TreeMap<>();
                phase.values().stream().sorted(Comparator.comparingInt(f -> f.id))
                        .forEach(f -> byLevel.computeIfAbsent(f.level, l -> new ArrayList<>()).add(f.build()));
                built.add(new QueryPlan.Phase(byLevel.entrySet().stream()
                        .map(e -> new QueryPlan.Stage(e.getKey(), List.copyOf(e.getValue()))).toList()));
            }
            return new QueryPlan(operation.type(), List.copyOf(built));
        }

        private final class FetchBuilder {
            final int id;
            final String graph;
            final int level;
            final ForwardedSelection rootSelection = new ForwardedSelection();
            final List<String> rootKeys = new ArrayList<>();
            final Map<String, JumpBuilder> jumps = new LinkedHashMap<>();

            FetchBuilder(int id, String graph, int level) {
                this.id = id;
                this.graph = graph;
                this.level = level;
            }

            Fetch build() {
                Set<String> variables = new LinkedHashSet<>();
                StringBuilder body = new StringBuilder();
                List<EntityJump> builtJumps = new ArrayList<>();
                List<String> declarations = new ArrayList<>();
                if (jumps.isEmpty()) {
                    rootSelection.collectVariables(variables);
                    rootSelection.print(body);
                } else {
                    body.append('{');
                    int index = 0;
                    // Calls for the same type and representation share one representations list (their
                    // selections united when no response key clashes), so an object reached through
                    // several paths is sent once.
                    Map<String, List<JumpBuilder>> merged = new LinkedHashMap<>();
                    Map<String, ForwardedSelection> unitedSelections = new LinkedHashMap<>();
                    for (JumpBuilder jump : jumps.values()) {
                        String base = jump.typeName + "|" + jump.representation + "|" + jump.representationKeys;
                        String groupKey = null;
                        for (int attempt = 0; groupKey == null; attempt++) {
                            String candidate = base + "|" + attempt;
                            ForwardedSelection united = unitedSelections.get(candidate);
                            if (united == null) {
                                united = new ForwardedSelection();
                                unitedSelections.put(candidate, united);
                            }
                            if (united.canMerge(jump.selection)) {
                                united.merge(jump.selection);
                                groupKey = candidate;
                            }
                        }
                        merged.computeIfAbsent(groupKey, k -> new ArrayList<>()).add(jump);
                    }
                    for (Map.Entry<String, List<JumpBuilder>> entry : merged.entrySet()) {
                        List<JumpBuilder> group = entry.getValue();
                        JumpBuilder jump = group.get(0);
                        ForwardedSelection selection = unitedSelections.get(entry.getKey());
                        selection.collectVariables(variables);
                        String variable = merged.size() == 1 ? "representations" : "representations" + index;
                        String alias = merged.size() == 1 ? "_entities" : "_" + index;
                        declarations.add("$" + variable + ":[_Any!]!");
                        if (index > 0) {
                            body.append(' ');
                        }
                        if (merged.size() > 1) {
                            body.append(alias).append(':');
                        }
                        body.append("_entities(representations:$").append(variable).append("){...on ")
                                .append(jump.typeName);
                        selection.print(body);
                        body.append('}');
                        builtJumps.add(new EntityJump(alias, variable, jump.typeName,
                                group.stream().map(j -> j.path).toList(), jump.representation, jump.key,
                                Map.copyOf(jump.representationKeys), selection.fieldKeys()));
                        index++;
                    }
                    body.append('}');
                }
                for (String variable : variables) {
                    VariableDefinition definition = operation.variableDefinitions().get(variable);
                    declarations.add(AstPrinter.printAstCompact(definition));
                }
                String keyword = jumps.isEmpty() && operation.type() == OperationDefinition.Operation.MUTATION
                        ? "mutation" : "query";
                String header = declarations.isEmpty() ? keyword
                        : keyword + declarations.stream().collect(Collectors.joining(",", "(", ")"));
                return new Fetch(id, graph, supergraph.subgraph(graph).name(), level, header + body,
                        List.copyOf(variables), List.copyOf(rootKeys), List.copyOf(builtJumps));
            }
        }
    }

    private static final class JumpBuilder {
        final String typeName;
        final List<String> path;
        final ForwardedSelection selection = new ForwardedSelection();
        FieldSet representation = FieldSet.EMPTY;
        FieldSet key = FieldSet.EMPTY;
        /** Representation fields the parent selection had to alias (field name to response key). */
        final Map<String, String> representationKeys = new LinkedHashMap<>();

        JumpBuilder(String typeName, List<String> path) {
            this.typeName = typeName;
            this.path = List.copyOf(path);
        }
    }

    private static String key(int level, String graph) {
        return level + "/" + graph;
    }

    private static String jumpKey(String typeName, List<String> path) {
        return typeName + "@" + String.join(".", path);
    }
}
