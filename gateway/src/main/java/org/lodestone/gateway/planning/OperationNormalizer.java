package org.lodestone.gateway.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

import org.lodestone.gateway.planning.Selection.FieldSelection;
import org.lodestone.gateway.planning.Selection.FragmentSelection;

/**
 * Turns a validated document into a {@link NormalizedOperation}: picks the operation, expands
 * fragment spreads, applies {@code @skip}/{@code @include} with this request's variables, and
 * merges fields with the same response key. Two requests that differ only in fragment layout or
 * whitespace get the same canonical text, and therefore share a cached plan.
 */
public final class OperationNormalizer {

    private OperationNormalizer() {
    }

    public static OperationDefinition selectOperation(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null || operationName.isEmpty()) {
            if (operations.size() != 1) {
                throw new IllegalArgumentException("Must provide operation name if query contains multiple operations");
            }
            return operations.get(0);
        }
        return operations.stream().filter(o -> operationName.equals(o.getName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown operation named '" + operationName + "'"));
    }

    public static NormalizedOperation normalize(GraphQLSchema schema, Document document, OperationDefinition operation,
            Map<String, Object> variables) {
        return normalize(schema, document, operation, variables, false);
    }

    /**
     * @param incremental true when the answer may be delivered in parts: {@code @defer} fragments of a query are kept
     *        as deferred fragments. Otherwise (and for mutations, whose fields run in order anyway) they are plain
     *        fragments, delivered in the one response.
     */
    public static NormalizedOperation normalize(GraphQLSchema schema, Document document, OperationDefinition operation,
            Map<String, Object> variables, boolean incremental) {
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        Map<String, VariableDefinition> variableDefinitions = new LinkedHashMap<>();
        operation.getVariableDefinitions().forEach(v -> variableDefinitions.put(v.getName(), v));
        Normalizer normalizer = new Normalizer(schema, fragments, variables == null ? Map.of() : variables,
                variableDefinitions, incremental && operation.getOperation() == OperationDefinition.Operation.QUERY);
        String rootType = switch (operation.getOperation()) {
            case QUERY -> schema.getQueryType().getName();
            case MUTATION -> schema.getMutationType().getName();
            case SUBSCRIPTION -> schema.getSubscriptionType().getName();
        };
        List<Selection> selections = normalizer.selections(operation.getSelectionSet(), rootType);
        return create(operation.getOperation(), operation.getName(), selections, variableDefinitions);
    }

    public static NormalizedOperation create(OperationDefinition.Operation type, String name, List<Selection> selections,
            Map<String, VariableDefinition> variableDefinitions) {
        StringBuilder text = new StringBuilder(type.name().toLowerCase());
        if (name != null) {
            text.append(' ').append(name);
        }
        if (!variableDefinitions.isEmpty()) {
            text.append(variableDefinitions.values().stream().map(AstPrinter::printAst)
                    .collect(Collectors.joining(", ", "(", ")")));
        }
        text.append(' ');
        print(selections, text);
        return new NormalizedOperation(type, name, selections, variableDefinitions, text.toString());
    }

    static void print(List<Selection> selections, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Selection selection : selections) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            if (selection instanceof FieldSelection field) {
                {
                    if (!field.responseKey().equals(field.name())) {
                        out.append(field.responseKey()).append(": ");
                    }
                    out.append(field.name());
                    if (!field.arguments().isEmpty()) {
                        out.append('(').append(field.arguments()).append(')');
                    }
                    if (field.denied()) {
                        out.append(" @denied");
                    }
                    if (!field.selections().isEmpty()) {
                        out.append(' ');
                        print(field.selections(), out);
                    }
                }
            } else if (selection instanceof FragmentSelection fragment) {
                {
                    out.append("...");
                    if (fragment.typeCondition() != null) {
                        out.append(" on ").append(fragment.typeCondition());
                    }
                    if (fragment.deferred()) {
                        out.append(" @defer");
                        if (fragment.defer().label() != null) {
                            out.append("(label: ").append(AstPrinter.printAst(
                                    StringValue.of(fragment.defer().label()))).append(')');
                        }
                    }
                    out.append(' ');
                    print(fragment.selections(), out);
                }
            }
        }
        out.append('}');
    }

    private static final class Normalizer {

        private final GraphQLSchema schema;
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Object> variables;
        private final Map<String, VariableDefinition> variableDefinitions;
        private final boolean deferAllowed;
        private int nextDeferId;

        Normalizer(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
                Map<String, VariableDefinition> variableDefinitions, boolean deferAllowed) {
            this.schema = schema;
            this.fragments = fragments;
            this.variables = variables;
            this.variableDefinitions = variableDefinitions;
            this.deferAllowed = deferAllowed;
        }

        /** Fragments on the parent type itself are flattened, so fragment layout does not change the plan key. */
        List<Selection> selections(SelectionSet selectionSet, String parentType) {
            List<Selection> raw = new ArrayList<>();
            if (selectionSet == null) {
                return raw;
            }
            for (graphql.language.Selection<?> selection : selectionSet.getSelections()) {
                if (!included((DirectivesContainer<?>) selection)) {
                    continue;
                }
                if (selection instanceof Field field) {
                    raw.add(field(field, parentType));
                } else if (selection instanceof InlineFragment inline) {
                    String condition = inline.getTypeCondition() == null ? null : inline.getTypeCondition().getName();
                    fragment(condition, inline.getSelectionSet(), parentType, defer(inline), raw);
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition definition = fragments.get(spread.getName());
                    fragment(definition.getTypeCondition().getName(), definition.getSelectionSet(), parentType,
                            defer(spread), raw);
                }
            }
            return merge(raw);
        }

        private void fragment(String condition, SelectionSet selectionSet, String parentType, Selection.Defer defer,
                List<Selection> into) {
            if (defer != null) {
                // Kept as a fragment even on the parent type itself: its fields are delivered later, as one part.
                into.add(new FragmentSelection(condition, selections(selectionSet, condition == null ? parentType
                        : condition), defer));
            } else if (condition == null || condition.equals(parentType)) {
                into.addAll(selections(selectionSet, parentType));
            } else {
                into.add(new FragmentSelection(condition, selections(selectionSet, condition)));
            }
        }

        private FieldSelection field(Field field, String parentType) {
            String arguments = field.getArguments().stream().map(AstPrinter::printAst).collect(Collectors.joining(", "));
            Set<String> referenced = new LinkedHashSet<>();
            field.getArguments().forEach(a -> collectVariables(a, referenced));
            String key = field.getAlias() == null ? field.getName() : field.getAlias();
            String childType = null;
            if (field.getSelectionSet() != null
                    && schema.getType(parentType) instanceof GraphQLFieldsContainer container
                    && container.getFieldDefinition(field.getName()) != null) {
                childType = GraphQLTypeUtil.unwrapAll(container.getFieldDefinition(field.getName()).getType())
                        .getName();
            }
            return new FieldSelection(key, field.getName(), arguments, selections(field.getSelectionSet(), childType),
                    false, List.copyOf(referenced));
        }

        /** The fragment's {@code @defer}, when deferring is allowed and its {@code if} holds; else null. */
        private Selection.Defer defer(DirectivesContainer<?> node) {
            if (!deferAllowed) {
                return null;
            }
            for (Directive directive : node.getDirectives()) {
                if (directive.getName().equals("defer")
                        && (directive.getArgument("if") == null || condition(directive))) {
                    String label = directive.getArgument("label") == null ? null
                            : labelOf(directive.getArgument("label").getValue());
                    return new Selection.Defer(nextDeferId++, label);
                }
            }
            return null;
        }

        private String labelOf(Value<?> value) {
            if (value instanceof StringValue string) {
                return string.getValue();
            }
            if (value instanceof VariableReference reference && variables.get(reference.getName()) instanceof String s) {
                return s;
            }
            return null;
        }

        private boolean included(DirectivesContainer<?> node) {
            for (Directive directive : node.getDirectives()) {
                if (directive.getName().equals("skip") && condition(directive)) {
                    return false;
                }
                if (directive.getName().equals("include") && !condition(directive)) {
                    return false;
                }
            }
            return true;
        }

        private boolean condition(Directive directive) {
            Argument argument = directive.getArgument("if");
            Value<?> value = argument.getValue();
            if (value instanceof BooleanValue bool) {
                return bool.isValue();
            }
            String name = ((VariableReference) value).getName();
            Object provided = variables.get(name);
            if (provided == null && !variables.containsKey(name)) {
                VariableDefinition definition = variableDefinitions.get(name);
                if (definition != null && definition.getDefaultValue() instanceof BooleanValue bool) {
                    return bool.isValue();
                }
            }
            return Boolean.TRUE.equals(provided);
        }

        /** Fields with the same response key (validation guarantees they are mergeable) become one. */
        private static List<Selection> merge(List<Selection> raw) {
            Map<String, FieldSelection> byKey = new LinkedHashMap<>();
            List<Selection> result = new ArrayList<>();
            for (Selection selection : raw) {
                if (selection instanceof FieldSelection field) {
                    FieldSelection existing = byKey.get(field.responseKey());
                    if (existing == null) {
                        byKey.put(field.responseKey(), field);
                        result.add(field);
                    } else {
                        List<Selection> combined = new ArrayList<>(existing.selections());
                        combined.addAll(field.selections());
                        FieldSelection merged = existing.withSelections(merge(combined));
                        byKey.put(field.responseKey(), merged);
                        result.set(result.indexOf(existing), merged);
                    }
                } else {
                    result.add(selection);
                }
            }
            return result;
        }
    }

    private static void collectVariables(Node<?> node, Set<String> into) {
        if (node instanceof VariableReference reference) {
            into.add(reference.getName());
        }
        for (Node<?> child : node.getChildren()) {
            collectVariables(child, into);
        }
    }
}
