package org.lodestone.gateway.supergraph;

import java.util.List;
import java.util.Optional;

/** Federation metadata of one field of a composite type. */
public record FieldMeta(String name, String typeName, List<FieldSource> sources, AccessRule access) {

    public boolean resolvableIn(String graph) {
        return source(graph).map(FieldSource::resolves).orElse(false);
    }

    public Optional<FieldSource> source(String graph) {
        return sources.stream().filter(s -> s.graph().equals(graph)).findFirst();
    }

    /** Graphs able to resolve this field, in supergraph order (which makes choices deterministic). */
    public List<String> resolvingGraphs() {
        return sources.stream().filter(FieldSource::resolves).map(FieldSource::graph).toList();
    }
}
