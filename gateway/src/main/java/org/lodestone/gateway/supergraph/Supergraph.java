package org.lodestone.gateway.supergraph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLUnionType;

/**
 * The loaded supergraph: subgraphs with their URLs, federation metadata per type and field,
 * and the public API schema (no join directives, no {@code @inaccessible} elements).
 */
public final class Supergraph {

    private final Map<String, Subgraph> subgraphs;
    private final Map<String, TypeMeta> types;
    private final GraphQLSchema apiSchema;
    private final Map<String, Set<String>> possibleTypes = new ConcurrentHashMap<>();

    private final Map<String, Set<String>> contexts;

    public Supergraph(Map<String, Subgraph> subgraphs, Map<String, TypeMeta> types, GraphQLSchema apiSchema) {
        this(subgraphs, types, apiSchema, Map.of());
    }

    /** @param contexts context name to the types declaring it with {@code @context} */
    public Supergraph(Map<String, Subgraph> subgraphs, Map<String, TypeMeta> types, GraphQLSchema apiSchema,
            Map<String, Set<String>> contexts) {
        this.subgraphs = Map.copyOf(subgraphs);
        this.types = Map.copyOf(types);
        this.apiSchema = apiSchema;
        this.contexts = Map.copyOf(contexts);
    }

    /** The types declaring context {@code name} ({@code @context(name:)}), empty when none does. */
    public Set<String> contextTypes(String name) {
        return contexts.getOrDefault(name, Set.of());
    }

    /** Subgraphs keyed by their {@code join__Graph} enum value, in enum order. */
    public Collection<Subgraph> subgraphs() {
        return subgraphs.values().stream().sorted((a, b) -> a.enumValue().compareTo(b.enumValue())).toList();
    }

    public Subgraph subgraph(String enumValue) {
        Subgraph subgraph = subgraphs.get(enumValue);
        if (subgraph == null) {
            throw new IllegalArgumentException("Unknown subgraph " + enumValue);
        }
        return subgraph;
    }

    public TypeMeta type(String name) {
        return types.get(name);
    }

    public GraphQLSchema apiSchema() {
        return apiSchema;
    }

    /** Concrete object types a composite type can be at runtime, by name, sorted. */
    public Set<String> possibleTypes(String typeName) {
        return possibleTypes.computeIfAbsent(typeName, this::computePossibleTypes);
    }

    private Set<String> computePossibleTypes(String typeName) {
        Set<String> result = new TreeSet<>();
        GraphQLType type = apiSchema.getType(typeName);
        if (type instanceof GraphQLObjectType) {
            result.add(typeName);
        } else if (type instanceof GraphQLInterfaceType iface) {
            apiSchema.getImplementations(iface).forEach(o -> result.add(o.getName()));
        } else if (type instanceof GraphQLUnionType union) {
            union.getTypes().forEach(t -> result.add(((GraphQLNamedType) t).getName()));
        }
        return Collections.unmodifiableSet(result);
    }

    /**
     * Concrete types a subgraph can return for {@code typeName} there: defined in that subgraph and,
     * per {@code @join__implements}/{@code @join__unionMember}, a member in that subgraph. A subgraph
     * would reject a type condition its own schema cannot satisfy, so plans only use these.
     */
    public Set<String> possibleTypesIn(String typeName, String graph) {
        Set<String> result = new TreeSet<>();
        TypeMeta abstractType = types.get(typeName);
        for (String concrete : possibleTypes(typeName)) {
            TypeMeta meta = types.get(concrete);
            if (meta == null || !meta.definedIn(graph)) {
                continue;
            }
            if (abstractType != null && abstractType.kind() == TypeMeta.Kind.UNION
                    && !abstractType.abstractMembershipByGraph().isEmpty()) {
                if (abstractType.abstractMembershipByGraph().getOrDefault(graph, Set.of()).contains(concrete)) {
                    result.add(concrete);
                }
            } else if (abstractType != null && abstractType.kind() == TypeMeta.Kind.INTERFACE
                    && !meta.abstractMembershipByGraph().isEmpty()) {
                if (meta.abstractMembershipByGraph().getOrDefault(graph, Set.of()).contains(typeName)) {
                    result.add(concrete);
                }
            } else {
                result.add(concrete);
            }
        }
        return result;
    }

    /** How many list levels wrap the type of {@code typeName.fieldName} in the API schema. */
    public int listDepth(String typeName, String fieldName) {
        GraphQLFieldsContainer container = (GraphQLFieldsContainer) apiSchema.getType(typeName);
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

    /** A copy with some subgraph URLs replaced (keys are subgraph names or enum values). */
    public Supergraph withUrls(Map<String, String> urlsByName) {
        Map<String, Subgraph> updated = new LinkedHashMap<>();
        for (Subgraph subgraph : subgraphs.values()) {
            String url = urlsByName.get(subgraph.name());
            if (url == null) {
                url = urlsByName.get(subgraph.enumValue());
            }
            updated.put(subgraph.enumValue(), url == null ? subgraph : subgraph.withUrl(url));
        }
        return new Supergraph(updated, types, apiSchema, contexts);
    }

    /** The labels of progressive {@code @override}s ({@code overrideLabel}) anywhere in the supergraph. */
    public Set<String> overrideLabels() {
        Set<String> labels = new TreeSet<>();
        for (TypeMeta type : types.values()) {
            for (FieldMeta field : type.fields().values()) {
                field.sources().stream().map(FieldSource::overrideLabel).filter(Objects::nonNull)
                        .forEach(labels::add);
            }
        }
        return labels;
    }

    /**
     * The supergraph as one request sees it given the progressive override labels active for it: where a label is
     * active the overriding subgraph resolves the field and the overridden one does not; where it is inactive, the
     * other way round.
     */
    public Supergraph withActiveOverrideLabels(Set<String> active) {
        Map<String, TypeMeta> updated = new LinkedHashMap<>();
        for (TypeMeta type : types.values()) {
            Map<String, FieldMeta> fields = new LinkedHashMap<>();
            boolean changed = false;
            for (FieldMeta field : type.fields().values()) {
                FieldSource overriding = field.sources().stream()
                        .filter(s -> s.overrideLabel() != null && s.overrideFrom() != null).findFirst().orElse(null);
                if (overriding == null) {
                    fields.put(field.name(), field);
                    continue;
                }
                boolean on = active.contains(overriding.overrideLabel());
                List<FieldSource> sources = new ArrayList<>();
                for (FieldSource source : field.sources()) {
                    boolean from = subgraph(source.graph()).name().equals(overriding.overrideFrom());
                    boolean loses = on ? from && source != overriding : source == overriding;
                    sources.add(loses ? source.overridden() : source);
                }
                fields.put(field.name(), new FieldMeta(field.name(), field.typeName(), List.copyOf(sources),
                        field.access()));
                changed = true;
            }
            updated.put(type.name(), changed ? new TypeMeta(type.name(), type.kind(), type.graphs(), type.keys(),
                    fields, type.interfaceObjectGraphs(), type.access(), type.abstractMembershipByGraph()) : type);
        }
        return new Supergraph(subgraphs, updated, apiSchema, contexts);
    }

    public List<String> subgraphNames() {
        return subgraphs().stream().map(Subgraph::name).toList();
    }
}
