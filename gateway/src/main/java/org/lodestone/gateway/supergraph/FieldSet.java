package org.lodestone.gateway.supergraph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;

/**
 * A parsed federation field set ({@code "id"}, {@code "price weight"}, {@code "id owner { id }"},
 * {@code "price(currency: \"EUR\")"}): field name to nested field set; an empty nested set is a leaf. A field
 * may carry literal arguments (a {@code @requires} field set may), kept as printed GraphQL.
 */
public final class FieldSet {

    public static final FieldSet EMPTY = new FieldSet(Map.of(), Map.of(), Map.of());

    private final Map<String, FieldSet> fields;
    private final Map<String, String> arguments;
    private final Map<String, FieldSet> typeConditions;

    private FieldSet(Map<String, FieldSet> fields, Map<String, String> arguments, Map<String, FieldSet> typeConditions) {
        this.fields = Collections.unmodifiableMap(fields);
        this.arguments = Collections.unmodifiableMap(arguments);
        this.typeConditions = Collections.unmodifiableMap(typeConditions);
    }

    public static FieldSet parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        Document document = Parser.parse("{" + text + "}");
        OperationDefinition operation = (OperationDefinition) document.getDefinitions().get(0);
        return of(operation.getSelectionSet());
    }

    private static FieldSet of(SelectionSet selectionSet) {
        Map<String, FieldSet> result = new LinkedHashMap<>();
        Map<String, String> arguments = new LinkedHashMap<>();
        Map<String, FieldSet> conditions = new LinkedHashMap<>();
        if (selectionSet != null) {
            for (Selection<?> selection : selectionSet.getSelections()) {
                // Inline fragments with a type condition occur below an abstract field ({@code @requires(fields:
                // "media { ... on Book { pages } }")}); fragment spreads cannot occur in a field set.
                if (selection instanceof InlineFragment fragment && fragment.getTypeCondition() != null) {
                    conditions.merge(fragment.getTypeCondition().getName(), of(fragment.getSelectionSet()),
                            FieldSet::union);
                } else if (selection instanceof Field field) {
                    result.put(field.getName(), of(field.getSelectionSet()));
                    if (!field.getArguments().isEmpty()) {
                        arguments.put(field.getName(), field.getArguments().stream().map(AstPrinter::printAst)
                                .collect(Collectors.joining(", ")));
                    }
                }
            }
        }
        return new FieldSet(result, arguments, conditions);
    }

    /** Fields selected under a type condition, by condition ({@code ... on Book { pages }}). */
    public Map<String, FieldSet> typeConditions() {
        return typeConditions;
    }

    /** The literal arguments of field {@code name} as printed GraphQL ({@code currency: "EUR"}), or "". */
    public String arguments(String name) {
        return arguments.getOrDefault(name, "");
    }

    public Map<String, FieldSet> fields() {
        return fields;
    }

    /** Both sets merged, recursively; order: this set's fields first. */
    public FieldSet union(FieldSet other) {
        if (other.isEmpty()) {
            return this;
        }
        Map<String, FieldSet> merged = new LinkedHashMap<>(fields);
        other.fields.forEach((name, child) -> merged.merge(name, child, FieldSet::union));
        Map<String, String> mergedArguments = new LinkedHashMap<>(other.arguments);
        mergedArguments.putAll(arguments);
        Map<String, FieldSet> mergedConditions = new LinkedHashMap<>(typeConditions);
        other.typeConditions.forEach((condition, set) -> mergedConditions.merge(condition, set, FieldSet::union));
        return new FieldSet(merged, mergedArguments, mergedConditions);
    }

    public boolean isEmpty() {
        return fields.isEmpty() && typeConditions.isEmpty();
    }

    public boolean contains(String name) {
        return fields.containsKey(name);
    }

    public FieldSet child(String name) {
        FieldSet child = fields.get(name);
        return child == null ? EMPTY : child;
    }

    @Override
    public String toString() {
        return Stream.concat(fields.entrySet().stream()
                .map(e -> {
                    String field = arguments.containsKey(e.getKey())
                            ? e.getKey() + "(" + arguments.get(e.getKey()) + ")" : e.getKey();
                    return e.getValue().isEmpty() ? field : field + " { " + e.getValue() + " }";
                }), typeConditions.entrySet().stream().map(e -> "... on " + e.getKey() + " { " + e.getValue() + " }"))
                .collect(Collectors.joining(" "));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSet set && set.fields.equals(fields) && set.arguments.equals(arguments)
                && set.typeConditions.equals(typeConditions);
    }

    @Override
    public int hashCode() {
        return (fields.hashCode() * 31 + arguments.hashCode()) * 31 + typeConditions.hashCode();
    }
}
