package org.lodestone.gateway.supergraph;

/** One {@code @join__type(graph:, key:)}: the key field set an entity is addressable by in a graph. */
public record KeyMeta(String graph, FieldSet fields, boolean resolvable) {
}
