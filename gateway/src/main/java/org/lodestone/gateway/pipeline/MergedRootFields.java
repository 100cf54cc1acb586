package org.lodestone.gateway.pipeline;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.OperationDefinition;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import org.lodestone.gateway.planning.NormalizedOperation;
import org.lodestone.gateway.planning.OperationNormalizer;
import org.lodestone.gateway.planning.Selection;
import org.lodestone.gateway.planning.Selection.FieldSelection;
import org.lodestone.gateway.planning.Selection.FragmentSelection;
import org.lodestone.gateway.supergraph.FieldMeta;
import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.supergraph.TypeMeta;

/**
 * The gateway-declared {@link MergedRootField}s of one supergraph: adds them to the API schema, rewrites an
 * operation selecting one into its source fields before planning, and merges the sources' answers back.
 */
public final class MergedRootFields {

    static final String ALIAS_PREFIX = "_lodestoneMerged";
    private static final String ORDER_PREFIX = "_lodestoneOrder";

    private final List<MergedRootField> fields;

    public MergedRootFields(List<MergedRootField> fields) {
        this.fields = List.copyOf(fields);
    }

    /**
     * The {@code alerts} field over the subgraphs' alert fields: {@code sources} maps each source field to the
     * {@code AlertKind} values it emits; none: no merged field.
     */
    public static MergedRootFields alerts(Map<String, List<String>> sources, int defaultLimit) {
        if (sources.isEmpty()) {
            return none();
        }
        Map<String, List<String>> sorted = new TreeMap<>(sources);
        List<MergedRootField.Source> declared = new ArrayList<>();
        sorted.forEach((field, kinds) -> declared.add(new MergedRootField.Source(field, Set.copyOf(kinds))));
        return new MergedRootFields(List.of(new MergedRootField("alerts", "Alert",
                "Alerts of every service that has them (" + String.join(", ", sorted.keySet()) + "), merged by the "
                        + "gateway, with the same arguments and visibility rules as each of those fields; a service "
                        + "none of whose kinds is asked is not asked. A replay is ordered by occurredAt, then id, and "
                        + "cut to limit. A subscription ends when the caller's token expires.",
                "kinds", List.of("occurredAt", "id"), "limit", defaultLimit, declared)));
    }

    public static MergedRootFields none() {
        return new MergedRootFields(List.of());
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /**
     * The API schema with each merged field added to each root type (Query, Subscription) that has all its source
     * fields and no field of that name yet.
     */
    public GraphQLSchema extend(GraphQLSchema schema) {
        Map<String, List<GraphQLFieldDefinition>> added = new HashMap<>();
        for (GraphQLObjectType root : roots(schema)) {
            for (MergedRootField merged : fields) {
                if (root.getFieldDefinition(merged.name()) != null || !(schema.getType(merged.typeName())
                        instanceof GraphQLNamedOutputType type)) {
                    continue;
                }
                List<GraphQLFieldDefinition> sources = merged.sources().stream()
                        .map(s -> root.getFieldDefinition(s.field())).toList();
                if (sources.contains(null)) {
                    continue;
                }
                Map<String, GraphQLArgument> arguments = new LinkedHashMap<>();
                sources.forEach(s -> s.getArguments().forEach(a -> arguments.putIfAbsent(a.getName(), a)));
                added.computeIfAbsent(root.getName(), k -> new ArrayList<>()).add(GraphQLFieldDefinition
                        .newFieldDefinition().name(merged.name()).description(merged.description())
                        .type(rewrap(sources.get(0).getType(), type)).arguments(List.copyOf(arguments.values()))
                        .build());
            }
        }
        if (added.isEmpty()) {
            return schema;
        }
        return SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLObjectType(GraphQLObjectType node,
                    TraverserContext<GraphQLSchemaElement> context) {
                List<GraphQLFieldDefinition> extra = added.get(node.getName());
                if (extra == null) {
                    return TraversalControl.CONTINUE;
                }
                return changeNode(context, node.transform(b -> extra.forEach(b::field)));
            }
        });
    }

    private static List<GraphQLObjectType> roots(GraphQLSchema schema) {
        List<GraphQLObjectType> roots = new ArrayList<>();
        roots.add(schema.getQueryType());
        if (schema.getSubscriptionType() != null) {
            roots.add(schema.getSubscriptionType());
        }
        return roots;
    }

    private static GraphQLOutputType rewrap(GraphQLType type, GraphQLNamedOutputType named) {
        if (type instanceof GraphQLNonNull nonNull) {
            return GraphQLNonNull.nonNull(rewrap(nonNull.getWrappedType(), named));
        }
        if (type instanceof GraphQLList list) {
            return GraphQLList.list(rewrap(list.getWrappedType(), named));
        }
        return named;
    }

    /**
     * The operation to plan: every selected merged field replaced by its source fields (aliased), each sent the
     * filter values it produces and, for queries, the order fields under aliases of the gateway's own; plus what
     * {@link #merge} needs to put the answers back. The operation itself when it selects no merged field.
     */
    public Rewritten rewrite(Supergraph supergraph, NormalizedOperation operation, Map<String, Object> variables) {
        if (fields.isEmpty() || operation.type() == OperationDefinition.Operation.MUTATION) {
            return new Rewritten(operation, List.of());
        }
        Map<String, Object> effective = new HashMap<>(variables == null ? Map.of() : variables);
        operation.variableDefinitions().forEach((name, definition) -> {
            if (!effective.containsKey(name) && definition.getDefaultValue() != null) {
                effective.put(name, value(definition.getDefaultValue(), Map.of()));
            }
        });
        List<Merge> merges = new ArrayList<>();
        List<Selection> selections = rewrite(supergraph, operation, operation.selections(), effective, merges);
        if (merges.isEmpty()) {
            return new Rewritten(operation, List.of());
        }
        return new Rewritten(OperationNormalizer.create(operation.type(), operation.name(), selections,
                operation.variableDefinitions()), merges);
    }

    private List<Selection> rewrite(Supergraph supergraph, NormalizedOperation operation, List<Selection> selections,
            Map<String, Object> variables, List<Merge> merges) {
        List<Selection> result = new ArrayList<>();
        for (Selection selection : selections) {
            if (selection instanceof FragmentSelection fragment) {
                result.add(new FragmentSelection(fragment.typeCondition(),
                        rewrite(supergraph, operation, fragment.selections(), variables, merges)));
                continue;
            }
            FieldSelection field = (FieldSelection) selection;
            MergedRootField merged = field.denied() ? null : declared(supergraph, operation.rootTypeName(), field.name());
            if (merged == null) {
                result.add(field);
                continue;
            }
            Map<String, Argument> arguments = parseArguments(field.arguments());
            List<String> filter = stringList(arguments.get(merged.filterArgument()), variables);
            Object limit = value(arguments.get(merged.limitArgument()), variables);
            List<String> aliases = new ArrayList<>();
            for (int i = 0; i < merged.sources().size(); i++) {
                MergedRootField.Source source = merged.sources().get(i);
                List<String> asked = filter == null ? null
                        : filter.stream().filter(source.values()::contains).distinct().toList();
                if (asked != null && asked.isEmpty()) {
                    continue;
                }
                List<String> printed = new ArrayList<>();
                Set<String> used = new LinkedHashSet<>();
                arguments.forEach((name, argument) -> {
                    if (!name.equals(merged.filterArgument())) {
                        printed.add(AstPrinter.printAstCompact(argument));
                        collectVariables(argument.getValue(), used);
                    }
                });
                if (asked != null) {
                    printed.add(merged.filterArgument() + ": [" + String.join(", ", asked) + "]");
                }
                String alias = ALIAS_PREFIX + i + "_" + field.responseKey();
                List<Selection> inner = forSource(supergraph, operation.rootTypeName(), source.field(),
                        field.selections());
                // The merged field's type is abstract: its items need their concrete type, which the source (of a
                // concrete type, like exportControlAlerts) is otherwise not asked for.
                if (inner.stream().noneMatch(s -> s instanceof FieldSelection f && f.responseKey().equals("__typename"))) {
                    inner = new ArrayList<>(inner);
                    inner.add(new FieldSelection("__typename", "__typename", "", List.of(), false, List.of()));
                }
                if (operation.type() == OperationDefinition.Operation.QUERY) {
                    inner = new ArrayList<>(inner);
                    for (int o = 0; o < merged.orderBy().size(); o++) {
                        inner.add(new FieldSelection(ORDER_PREFIX + o, merged.orderBy().get(o), "", List.of(), false,
                                List.of()));
                    }
                }
                result.add(new FieldSelection(alias, source.field(), String.join(", ", printed), inner, false,
                        List.copyOf(used)));
                aliases.add(alias);
            }
            int cut = limit instanceof Number n ? n.intValue() : merged.defaultLimit();
            merges.add(new Merge(field.responseKey(), aliases, merged.orderBy().size(), cut));
        }
        return result;
    }

    /**
     * The root selections with {@code rule} (an access check) applied inside each merged field, against the merged
     * field's type: the supergraph's rules know only the fields that subgraphs declare.
     */
    public List<Selection> applyInside(Supergraph supergraph, String rootType, List<Selection> selections,
            BiFunction<String, List<Selection>, List<Selection>> rule) {
        if (fields.isEmpty()) {
            return selections;
        }
        List<Selection> result = new ArrayList<>(selections.size());
        boolean changed = false;
        for (Selection selection : selections) {
            Selection updated = selection;
            if (selection instanceof FragmentSelection fragment) {
                List<Selection> inner = applyInside(supergraph, rootType, fragment.selections(), rule);
                if (inner != fragment.selections()) {
                    updated = new FragmentSelection(fragment.typeCondition(), inner);
                }
            } else if (selection instanceof FieldSelection field && !field.denied()) {
                MergedRootField merged = declared(supergraph, rootType, field.name());
                if (merged != null) {
                    List<Selection> inner = rule.apply(merged.typeName(), field.selections());
                    if (inner != field.selections()) {
                        updated = field.withSelections(inner);
                    }
                }
            }
            changed |= updated != selection;
            result.add(updated);
        }
        return changed ? result : selections;
    }

    private MergedRootField declared(Supergraph supergraph, String rootType, String fieldName) {
        TypeMeta root = supergraph.type(rootType);
        if (root != null && root.field(fieldName) != null) {
            return null; // a subgraph owns a field of that name: it is not the gateway's
        }
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst().orElse(null);
    }

    /**
     * The merged field's selections as the source field can take them: a fragment on a type that the source's
     * subgraph never returns there (an {@code AgreementAlert} below {@code exportControlAlerts}) is dropped, since
     * it could only ever select nothing and the subgraph's schema would refuse it.
     */
    private static List<Selection> forSource(Supergraph supergraph, String rootType, String sourceField,
            List<Selection> selections) {
        FieldMeta meta = supergraph.type(rootType).field(sourceField);
        String graph = meta.resolvingGraphs().get(0);
        String returned = meta.source(graph).map(s -> s.subgraphType()).orElse(null);
        Set<String> possible = supergraph.possibleTypesIn(returned == null ? meta.typeName() : returned, graph);
        List<Selection> kept = new ArrayList<>();
        for (Selection selection : selections) {
            if (selection instanceof FragmentSelection fragment && fragment.typeCondition() != null
                    && supergraph.possibleTypes(fragment.typeCondition()).stream().noneMatch(possible::contains)) {
                continue;
            }
            kept.add(selection);
        }
        return kept;
    }

    /**
     * Puts the sources' answers under the merged field's response key: for a query, one list ordered by the
     * {@code orderBy} fields and cut to the limit (each source returned its first {@code limit} in that order, so
     * the first {@code limit} of the union are exactly right); for a subscription event, the one source's event.
     * Error paths follow the items to their new place; errors of items cut off go with them.
     */
    public static void merge(List<Merge> merges, OperationDefinition.Operation type, Map<String, Object> raw,
            List<Map<String, Object>> errors) {
        for (Merge merge : merges) {
            Map<String, Map<Integer, Integer>> moved = new HashMap<>();
            if (type == OperationDefinition.Operation.SUBSCRIPTION) {
                for (String alias : merge.aliases()) {
                    if (raw.containsKey(alias)) {
                        raw.put(merge.responseKey(), raw.remove(alias));
                        moved.put(alias, null);
                    }
                }
            } else {
                raw.put(merge.responseKey(), mergeLists(merge, raw, moved));
            }
            rewriteErrorPaths(merge, moved, errors);
        }
    }

    private static Object mergeLists(Merge merge, Map<String, Object> raw, Map<String, Map<Integer, Integer>> moved) {
        record Item(String alias, int index, Map<String, Object> value) {
        }
        List<Item> items = new ArrayList<>();
        boolean anyAnswer = merge.aliases().isEmpty();
        for (String alias : merge.aliases()) {
            if (raw.remove(alias) instanceof List<?> list) {
                anyAnswer = true;
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof Map<?, ?> map) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> value = (Map<String, Object>) map;
                        items.add(new Item(alias, i, value));
                    }
                }
            }
        }
        if (!anyAnswer) {
            return null; // every source failed: their errors say why
        }
        Comparator<Item> order = (a, b) -> 0;
        for (int o = 0; o < merge.orderFields(); o++) {
            String key = ORDER_PREFIX + o;
            order = order.thenComparing(item -> item.value().get(key), MergedRootFields::compareValues);
        }
        items.sort(order);
        List<Object> result = new ArrayList<>();
        for (Item item : items) {
            if (result.size() >= merge.limit()) {
                break;
            }
            moved.computeIfAbsent(item.alias(), k -> new HashMap<>()).put(item.index(), result.size());
            result.add(item.value());
        }
        merge.aliases().forEach(alias -> moved.putIfAbsent(alias, Map.of()));
        return result;
    }

    private static void rewriteErrorPaths(Merge merge, Map<String, Map<Integer, Integer>> moved,
            List<Map<String, Object>> errors) {
        for (int e = errors.size() - 1; e >= 0; e--) {
            Map<String, Object> error = errors.get(e);
            if (!(error.get("path") instanceof List<?> path) || path.isEmpty()
                    || !merge.aliases().contains(String.valueOf(path.get(0)))) {
                continue;
            }
            List<Object> rewritten = new ArrayList<>(path);
            rewritten.set(0, merge.responseKey());
            Map<Integer, Integer> indexes = moved.get(String.valueOf(path.get(0)));
            if (indexes != null && path.size() > 1 && path.get(1) instanceof Number index) {
                Integer target = indexes.get(index.intValue());
                if (target == null) {
                    errors.remove(e); // the item it was about was cut off
                    continue;
                }
                rewritten.set(1, target);
            }
            Map<String, Object> copy = new LinkedHashMap<>(error);
            copy.put("path", rewritten);
            errors.set(e, copy);
        }
    }

    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof String x && b instanceof String y) {
            try {
                return OffsetDateTime.parse(x).toInstant().compareTo(OffsetDateTime.parse(y).toInstant());
            } catch (DateTimeParseException notInstants) {
                return x.compareTo(y);
            }
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static Map<String, Argument> parseArguments(String printed) {
        Map<String, Argument> arguments = new LinkedHashMap<>();
        if (printed.isEmpty()) {
            return arguments;
        }
        OperationDefinition operation = (OperationDefinition) Parser.parse("{ f(" + printed + ") }").getDefinitions()
                .get(0);
        Field field = (Field) operation.getSelectionSet().getSelections().get(0);
        field.getArguments().forEach(a -> arguments.put(a.getName(), a));
        return arguments;
    }

    /** The argument's values as strings (enum names, strings), or null when absent or null. */
    private static List<String> stringList(Argument argument, Map<String, Object> variables) {
        Object value = value(argument, variables);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(v -> v != null).map(String::valueOf).collect(Collectors.toList());
        }
        return List.of(String.valueOf(value)); // a single value where a list is expected (input coercion)
    }

    private static Object value(Argument argument, Map<String, Object> variables) {
        return argument == null ? null : value(argument.getValue(), variables);
    }

    private static Object value(Value<?> value, Map<String, Object> variables) {
        if (value instanceof VariableReference reference) {
            return variables.get(reference.getName());
        }
        if (value instanceof NullValue) {
            return null;
        }
        if (value instanceof ArrayValue array) {
            List<Object> list = new ArrayList<>();
            array.getValues().forEach(v -> list.add(value(v, variables)));
            return list;
        }
        if (value instanceof EnumValue enumValue) {
            return enumValue.getName();
        }
        if (value instanceof StringValue string) {
            return string.getValue();
        }
        if (value instanceof IntValue integer) {
            return integer.getValue().intValue();
        }
        return AstPrinter.printAstCompact(value);
    }

    private static void collectVariables(Value<?> value, Set<String> into) {
        if (value instanceof VariableReference reference) {
            into.add(reference.getName());
        } else if (value != null) {
            value.getChildren().forEach(child -> {
                if (child instanceof Value<?> inner) {
                    collectVariables(inner, into);
                }
            });
        }
    }

    /**
     * @param aliases the response keys of the source fields asked (none when no source produces the values asked)
     * @param orderFields how many order fields each source item carries
     */
    public record Merge(String responseKey, List<String> aliases, int orderFields, int limit) {
    }

    /** The operation to plan and the merges to apply to its answers. */
    public record Rewritten(NormalizedOperation operation, List<Merge> merges) {
    }
}
