package org.lodestone.gateway.supergraph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;

/**
 * A parsed federation field set ({@code "id"}, {@code "price weight"}, {@code "id owner { id }"}):
 * field name to nested field set; an empty nested set is a leaf.
 */
public final class FieldSet {

    public static final FieldSet EMPTY = new FieldSet(Map.of());

    private final Map<String, FieldSet> fields;

    private FieldSet(Map<String, FieldSet> fields) {
        this.fields = Collections.unmodifiableMap(fields);
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
        if (selectionSet != null) {
            for (Selection<?> selection : selectionSet.getSelections()) {
                // Field sets in supergraphs are plain fields; fragments in key sets are not supported here.
                if (selection instanceof Field field) {
                    result.put(field.getName(), of(field.getSelectionSet()));
                }
            }
        }
        return new FieldSet(result);
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
        return new FieldSet(merged);
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
                .map(e -> e.getValue().isEmpty() ? e.getKey() : e.getKey() + " { " + e.getValue() + " }")
                .collect(Collectors.joining(" "));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSet set && set.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }
}
