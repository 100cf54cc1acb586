package org.lodestone.gateway.supergraph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Field;
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

    public static final FieldSet EMPTY = new FieldSet(Map.of(), Map.of());

    private final Map<String, FieldSet> fields;
    private final Map<String, String> arguments;

    private FieldSet(Map<String, FieldSet> fields, Map<String, String> arguments) {
        this.fields = Collections.unmodifiableMap(fields);
        this.arguments = Collections.unmodifiableMap(arguments);
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
        if (selectionSet != null) {
            for (Selection<?> selection : selectionSet.getSelections()) {
                // Field sets in supergraphs are plain fields; fragments in key sets are not supported here.
                if (selection instanceof Field field) {
                    result.put(field.getName(), of(field.getSelectionSet()));
                    if (!field.getArguments().isEmpty()) {
                        arguments.put(field.getName(), field.getArguments().stream().map(AstPrinter::printAst)
                                .collect(Collectors.joining(", ")));
                    }
                }
            }
        }
        return new FieldSet(result, arguments);
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
        return new FieldSet(merged, mergedArguments);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
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
        return fields.entrySet().stream()
                .map(e -> {
                    String field = arguments.containsKey(e.getKey())
                            ? e.getKey() + "(" + arguments.get(e.getKey()) + ")" : e.getKey();
                    return e.getValue().isEmpty() ? field : field + " { " + e.getValue() + " }";
                })
                .collect(Collectors.joining(" "));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSet set && set.fields.equals(fields) && set.arguments.equals(arguments);
    }

    @Override
    public int hashCode() {
        return fields.hashCode() * 31 + arguments.hashCode();
    }
}
