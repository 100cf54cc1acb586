package org.lodestone.gateway.supergraph;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Federation metadata of one named type: the graphs defining it, its keys per graph, its fields.
 * {@code abstractMembershipByGraph}: for object and interface types, the interfaces implemented in
 * each graph ({@code @join__implements}); for unions, the members in each graph
 * ({@code @join__unionMember}). Empty when the supergraph does not say.
 */
public record TypeMeta(String name, Kind kind, Set<String> graphs, List<KeyMeta> keys,
        Map<String, FieldMeta> fields, Set<String> interfaceObjectGraphs, AccessRule access,
        Map<String, Set<String>> abstractMembershipByGraph) {

    public enum Kind { OBJECT, INTERFACE, UNION, ENUM, SCALAR, INPUT_OBJECT }

    public boolean isAbstract() {
        return kind == Kind.INTERFACE || kind == Kind.UNION;
    }

    public boolean definedIn(String graph) {
        return graphs.contains(graph);
    }

    public FieldMeta field(String fieldName) {
        return fields.get(fieldName);
    }

    /** Every key usable to fetch this entity from {@code graph} through {@code _entities}, in supergraph order. */
    public List<KeyMeta> resolvableKeys(String graph) {
        return keys.stream().filter(k -> k.graph().equals(graph) && k.resolvable()).toList();
    }

    /** A key usable to fetch this entity from {@code graph} through {@code _entities}, if any. */
    public KeyMeta resolvableKey(String graph) {
        return keys.stream().filter(k -> k.graph().equals(graph) && k.resolvable()).findFirst().orElse(null);
    }
}
