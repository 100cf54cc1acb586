package org.lodestone.gateway.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;

import org.lodestone.gateway.planning.Selection.FieldSelection;
import org.lodestone.gateway.supergraph.FieldMeta;
import org.lodestone.gateway.supergraph.FieldSet;
import org.lodestone.gateway.supergraph.KeyMeta;
import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.supergraph.TypeMeta;

/**
 * Planning around {@code @interfaceObject}: a subgraph that sees an entity interface as an object type
 * adds fields to it and answers with the interface name instead of the concrete type.
 */
final class InterfaceObjectPlanning {

    private final Supergraph supergraph;
    private final SelectionPlanner selections;

    InterfaceObjectPlanning(Supergraph supergraph, SelectionPlanner selections) {
        this.supergraph = supergraph;
        this.selections = selections;
    }

    /**
     * The @interfaceObject subgraph able to resolve {@code fieldName} for objects of {@code type}
     * (the interface itself, or an implementation of it), or null.
     */
    String graphResolving(TypeMeta type, String fieldName) {
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

    /**
     * A field an @interfaceObject subgraph ({@code target}) adds to an interface of {@code type}:
     * representations carry the interface name.
     */
    int planRemoteOnInterface(PlanAssembly.Phase phase, String target, TypeMeta type, FieldSelection field,
            ForwardedSelection out, List<String> path, FetchBuilder fetch) {
        TypeMeta iface = interfacesOf(type).stream()
                .filter(i -> i.interfaceObjectGraphs().contains(target) && i.field(field.name()) != null)
                .findFirst().orElseThrow(() -> new PlanningException("No interface of " + type.name() + " in "
                        + supergraph.subgraph(target).name() + " has the field " + field.name()));
        KeyMeta key = iface.resolvableKey(target);
        if (key == null) {
            // A non-resolvable @interfaceObject (@key(resolvable: false)) only returns references.
            throw new PlanningException("Subgraph " + supergraph.subgraph(target).name() + " cannot resolve "
                    + iface.name() + " entities");
        }
        out.field("__typename");
        Map<String, String> aliases = new LinkedHashMap<>(out.addFieldSet(key.fields()));
        // @requires on the interface object: the required interface fields come from the objects' own subgraph (or
        // through it), like any @requires, and travel in the representation with the interface name.
        FieldSet requires = iface.field(field.name()).source(target).map(s -> s.requires()).orElse(FieldSet.EMPTY);
        int requiresLevel = selections.planRequired(phase, fetch.graph, type, requires, out, path, fetch, aliases);
        FetchBuilder entityFetch = phase.fetch(Math.max(fetch.level, requiresLevel) + 1, target);
        FetchBuilder.JumpBuilder jump = entityFetch.jump(iface.name(), path);
        jump.addRepresentation(key.fields(), requires);
        jump.representationKeys.putAll(aliases);
        return selections.planLocal(phase, target, iface, iface.field(field.name()), field, jump.selection, path,
                entityFetch, FieldSet.EMPTY);
    }

    /**
     * In a subgraph that sees an interface as an @interfaceObject, objects come back as the
     * interface name: fields it owns are asked here, and everything else (the concrete
     * {@code __typename} first) from a subgraph where the interface is a real entity interface.
     */
    int planInInterfaceObject(PlanAssembly.Phase phase, String graph, TypeMeta type, List<Selection> selectionList,
            ForwardedSelection out, List<String> path, FetchBuilder fetch, FieldSet provided) {
        int deepest = fetch.level;
        List<Selection> elsewhere = new ArrayList<>();
        for (Selection selection : selectionList) {
            if (selection instanceof FieldSelection field && !field.denied() && !field.isTypename()
                    && type.field(field.name()) != null && type.field(field.name()).resolvableIn(graph)) {
                deepest = Math.max(deepest, selections.planLocal(phase, graph, type, type.field(field.name()), field,
                        out, path, fetch, provided));
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
        FetchBuilder entityFetch = phase.fetch(fetch.level + 1, key.graph());
        FetchBuilder.JumpBuilder jump = entityFetch.jump(type.name(), path);
        jump.addRepresentation(key.fields(), FieldSet.EMPTY);
        jump.selection.field("__typename");
        return Math.max(deepest, selections.planSelections(phase, key.graph(), type.name(), elsewhere, jump.selection,
                path, entityFetch, FieldSet.EMPTY));
    }

    private List<TypeMeta> interfacesOf(TypeMeta type) {
        List<TypeMeta> result = new ArrayList<>();
        if (type.kind() == TypeMeta.Kind.INTERFACE) {
            result.add(type);
        }
        if (supergraph.apiSchema().getType(type.name()) instanceof GraphQLObjectType object) {
            object.getInterfaces().forEach(i -> result.add(supergraph.type(((GraphQLNamedType) i).getName())));
        }
        return result;
    }
}
