package org.lodestone.support.graphql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FloatValue;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Finds the one value inside an input-object argument that SmallRye GraphQL could not convert. SmallRye converts the
 * whole object at once and reports only the argument ({@code input}) with the object as JSON and a Java class name;
 * this walks the argument as written in the document (or sent as a variable) against the schema's input types and
 * names the first value that is not what its type says, with its path ({@code input.effectiveOn}).
 */
final class InputObjectCheck {

    /** A value that is not what its input type says: where, and what is wrong with it. */
    record Refusal(String path, String detail) {
    }

    private InputObjectCheck() {
    }

    /** The refused value of the argument written at {@code location}, if the document and schema tell it. */
    static Optional<Refusal> find(GraphQLSchema schema, Document document, Map<String, Object> variables,
            String argumentName, SourceLocation location) {
        if (schema == null || document == null || location == null) {
            return Optional.empty();
        }
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            GraphQLObjectType root = switch (operation.getOperation()) {
                case MUTATION -> schema.getMutationType();
                case SUBSCRIPTION -> schema.getSubscriptionType();
                default -> schema.getQueryType();
            };
            Optional<Refusal> found = inSelections(schema, root, operation.getSelectionSet(), variables, argumentName,
                    location);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> inSelections(GraphQLSchema schema, GraphQLType parent, SelectionSet selections,
            Map<String, Object> variables, String argumentName, SourceLocation location) {
        if (selections == null || !(parent instanceof GraphQLFieldsContainer container)) {
            return Optional.empty();
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof InlineFragment fragment) {
                GraphQLType on = fragment.getTypeCondition() == null ? parent
                        : schema.getType(fragment.getTypeCondition().getName());
                Optional<Refusal> found = inSelections(schema, on, fragment.getSelectionSet(), variables, argumentName,
                        location);
                if (found.isPresent()) {
                    return found;
                }
            } else if (selection instanceof Field field) {
                GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
                if (definition == null) {
                    continue;
                }
                for (Argument argument : field.getArguments()) {
                    if (argument.getName().equals(argumentName) && location.equals(argument.getSourceLocation())
                            && definition.getArgument(argumentName) != null) {
                        return check(argumentName, definition.getArgument(argumentName).getType(),
                                resolve(argument.getValue(), variables), variables);
                    }
                }
                Optional<Refusal> found = inSelections(schema, GraphQLTypeUtil.unwrapAll(definition.getType()),
                        field.getSelectionSet(), variables, argumentName, location);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** A literal with its variables replaced by their values as sent (JSON: maps, lists, strings, numbers). */
    private static Object resolve(Value<?> value, Map<String, Object> variables) {
        if (value instanceof VariableReference reference) {
            return variables == null ? null : variables.get(reference.getName());
        }
        return value;
    }

    private static Optional<Refusal> check(String path, GraphQLInputType type, Object value,
            Map<String, Object> variables) {
        Object resolved = value instanceof Value<?> literal ? resolve(literal, variables) : value;
        if (resolved == null || resolved instanceof NullValue) {
            return type instanceof GraphQLNonNull ? Optional.of(new Refusal(path, "a value is required"))
                    : Optional.empty();
        }
        GraphQLInputType unwrapped = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list) {
            List<?> items = resolved instanceof ArrayValue array ? array.getValues()
                    : resolved instanceof List<?> plain ? plain : List.of(resolved);
            for (int i = 0; i < items.size(); i++) {
                Optional<Refusal> found = check(path + "[" + i + "]", (GraphQLInputType) list.getWrappedType(),
                        items.get(i), variables);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (unwrapped instanceof GraphQLInputObjectType object) {
            if (resolved instanceof ObjectValue literal) {
                for (ObjectField field : literal.getObjectFields()) {
                    Optional<Refusal> found = field(object, path, field.getName(), field.getValue(), variables);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            } else if (resolved instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    Optional<Refusal> found = field(object, path, String.valueOf(entry.getKey()), entry.getValue(),
                            variables);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            } else {
                return Optional.of(new Refusal(path, InputErrorCodes.describe(resolved) + " is not an object"));
            }
            return Optional.empty();
        }
        String name = GraphQLTypeUtil.simplePrint(unwrapped);
        if (unwrapped instanceof GraphQLEnumType enumType) {
            String text = resolved instanceof EnumValue e ? e.getName() : resolved instanceof String s ? s : null;
            return text != null && enumType.getValue(text) != null ? Optional.empty()
                    : Optional.of(new Refusal(path, InputErrorCodes.describe(resolved) + " is not one of "
                            + String.join(", ", enumType.getValues().stream().map(v -> v.getName()).toList())));
        }
        return valid(name, resolved) ? Optional.empty()
                : Optional.of(new Refusal(path, InputErrorCodes.describe(resolved) + " "
                        + InputErrorCodes.expected(name, null)));
    }

    private static Optional<Refusal> field(GraphQLInputObjectType object, String path, String name, Object value,
            Map<String, Object> variables) {
        GraphQLInputObjectField definition = object.getField(name);
        if (definition == null) {
            return Optional.of(new Refusal(path, object.getName() + " has no field " + name));
        }
        return check(path + "." + name, definition.getType(), value, variables);
    }

    /** Whether a scalar value (literal or JSON) is one the named scalar accepts. Unknown scalars are not judged. */
    private static boolean valid(String scalar, Object value) {
        Object plain = value instanceof StringValue s ? s.getValue()
                : value instanceof IntValue i ? i.getValue()
                : value instanceof FloatValue f ? f.getValue()
                : value instanceof BooleanValue b ? b.isValue()
                : value;
        try {
            return switch (scalar) {
                case "Date" -> plain instanceof String s && LocalDate.parse(s) != null;
                case "DateTime" -> plain instanceof String s && OffsetDateTime.parse(s) != null;
                case "String" -> plain instanceof String;
                case "Boolean" -> plain instanceof Boolean;
                case "ID" -> plain instanceof String || isWhole(plain);
                case "Int" -> isWhole(plain) && new BigDecimal(plain.toString()).abs()
                        .compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
                case "BigInteger", "Long" -> isWhole(plain);
                case "Float", "BigDecimal" -> plain instanceof Number
                        || plain instanceof java.math.BigInteger;
                default -> true;
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            return false;
        }
    }

    private static boolean isWhole(Object value) {
        if (value instanceof java.math.BigInteger || value instanceof Integer || value instanceof Long) {
            return true;
        }
        return value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0;
    }
}
