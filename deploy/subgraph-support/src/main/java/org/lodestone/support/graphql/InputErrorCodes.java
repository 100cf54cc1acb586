package org.lodestone.support.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lodestone.graphql.InputValueText;

import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorClassification;
import graphql.validation.ValidationErrorType;

import io.quarkus.arc.Arc;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.spi.EventingService;

/**
 * Gives every error of a request that never ran (a document that does not parse or validate, an argument or variable
 * value of the wrong type) {@code extensions.code = BAD_USER_INPUT}, and words a refused argument value plainly, with
 * its path: {@code input.asOf: "2025-02-30" is not a date (YYYY-MM-DD)} rather than graphql-java's text with its
 * syntax-tree classes in it. Loaded by SmallRye GraphQL through {@code META-INF/services}; it rewrites the execution
 * result after execution, before it is written.
 */
public class InputErrorCodes implements EventingService {

    static final String BAD_USER_INPUT = "BAD_USER_INPUT";

    private static final Pattern ARGUMENT = Pattern.compile("^(?:Validation error \\([^)]*\\) : )?argument '(?<path>[^']+)'"
            + " with value '(?<value>.*)' (?:is not a valid '(?<type>[^']+)'(?: - (?<detail>.*))?|(?<null>must not be "
            + "null)|(?<object>must be an object type)|is missing required fields '\\[?(?<missing>[^']*?)\\]?'|contains a"
            + " field not in '(?<input>[^']+)': '(?<extra>[^']*)')$", Pattern.DOTALL);
    private static final Pattern VARIABLE = Pattern.compile(
            "^Variable '(?<name>[^']+)' has an invalid value: (?<detail>.*)$", Pattern.DOTALL);
    /** Internals that must not reach a client: syntax-tree classes, SmallRye message ids, Java class names. */
    private static final Pattern INTERNAL = Pattern.compile("Value\\{|SRGQL\\d+|java\\.|class ");

    private volatile GraphQLSchema schema;

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public void afterExecute(Context context) {
        if (!(context instanceof SmallRyeContext smallRye)) {
            return;
        }
        ExecutionResult result = smallRye.unwrap(ExecutionResult.class);
        if (result == null || result.getErrors().isEmpty()) {
            return;
        }
        ExecutionInput input = smallRye.unwrap(ExecutionInput.class);
        Request request = new Request(schema(), smallRye.unwrap(Document.class),
                input == null ? Map.of() : input.getVariables());
        List<GraphQLError> errors = rewrite(result.getErrors(), request);
        if (errors != null) {
            smallRye.setExecutionResult(result.transform(builder -> builder.errors(errors)));
        }
    }

    /**
     * The errors with input errors rewritten, or null when none of them is an input error. SmallRye GraphQL refuses a
     * scalar argument it cannot convert while fetching the field, which then answers null: when that field is
     * non-null, graphql-java adds an error about the null, which says nothing the input error does not, and is left
     * out.
     */
    static List<GraphQLError> rewrite(List<GraphQLError> errors, Request request) {
        List<GraphQLError> rewritten = new ArrayList<>(errors.size());
        boolean changed = false;
        for (GraphQLError error : errors) {
            GraphQLError replacement = inputError(error, request);
            changed |= replacement != error;
            rewritten.add(replacement);
        }
        if (changed) {
            rewritten.removeIf(error -> error.getErrorType() == ErrorType.NullValueInNonNullableField);
        }
        return changed ? rewritten : null;
    }

    /**
     * The error as a client should see it when it is about the request itself, else the error unchanged. The result
     * is a {@link ValidationError}, because SmallRye GraphQL writes the extensions of those (and of data-fetching
     * errors) only.
     */
    static GraphQLError inputError(GraphQLError error, Request request) {
        Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
        if (BAD_USER_INPUT.equals(code)) {
            return error;
        }
        if (error instanceof ValidationError validation) {
            Matcher argument = ARGUMENT.matcher(validation.getDescription() == null ? "" : validation.getDescription());
            if ((validation.getValidationErrorType() == ValidationErrorType.WrongType
                    || validation.getValidationErrorType() == ValidationErrorType.NullValueForNonNullArgument)
                    && argument.matches()) {
                String path = argument.group("path");
                Optional<InputObjectCheck.Refusal> inside = argument.group("type") == null || error.getLocations()
                        == null || error.getLocations().isEmpty() ? Optional.empty()
                        : InputObjectCheck.find(request.schema(), request.document(), request.variables(), path,
                                error.getLocations().get(0));
                if (inside.isPresent()) {
                    String where = inside.get().path();
                    return badInput(where + ": " + inside.get().detail(), where, validation.getValidationErrorType(),
                            error);
                }
                return badInput(path + ": " + detail(argument, request.schema()), path, validation.getValidationErrorType(), error);
            }
            return badInput(validation.getDescription(), null, validation.getValidationErrorType(), error);
        }
        if (error.getErrorType() == ErrorType.ValidationError || error.getErrorType() == ErrorType.InvalidSyntax) {
            Matcher variable = VARIABLE.matcher(error.getMessage() == null ? "" : error.getMessage());
            if (variable.matches()) {
                String path = "$" + variable.group("name");
                return badInput(path + ": " + plainDetail(variable.group("detail")), path, ValidationErrorType.WrongType,
                        error);
            }
            return badInput(error.getMessage(), null, ValidationErrorType.WrongType, error);
        }
        return error;
    }

    /** What is known of the request whose errors are rewritten; any part may be null. */
    record Request(GraphQLSchema schema, Document document, Map<String, Object> variables) {
    }

    /** The service's schema, looked up once it exists (this class is created by SmallRye, not by CDI). */
    private GraphQLSchema schema() {
        GraphQLSchema known = schema;
        if (known == null) {
            try {
                var handle = Arc.container().instance(GraphQLSchema.class);
                known = handle.isAvailable() ? handle.get() : null;
            } catch (RuntimeException e) {
                known = null;
            }
            schema = known;
        }
        return known;
    }

    /** A value as the client sent it (a literal or a variable's JSON value), short. */
    static String describe(Object value) {
        if (value instanceof Value<?> literal && !(value instanceof StringValue)) {
            return InputValueText.fromLiteral(literal.toString());
        }
        Object plain = value instanceof StringValue s ? s.getValue() : value;
        if (plain instanceof String text) {
            return InputValueText.quoted(text);
        }
        if (plain instanceof Map) {
            return "an object";
        }
        if (plain instanceof List) {
            return "a list";
        }
        return String.valueOf(plain);
    }

    private static GraphQLError badInput(String message, String argument, ValidationErrorClassification type,
            GraphQLError original) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", BAD_USER_INPUT);
        if (argument != null) {
            extensions.put("argument", argument);
        }
        String text = message == null || INTERNAL.matcher(message).find()
                ? (argument == null ? "The request is not valid" : argument + ": the value is not valid")
                : message;
        return ValidationError.newValidationError().validationErrorType(type).description(text)
                .sourceLocations(original.getLocations()).extensions(extensions).build();
    }

    private static String detail(Matcher m, GraphQLSchema schema) {
        String value = InputValueText.fromLiteral(m.group("value"));
        if (m.group("null") != null) {
            return "a value is required";
        }
        if (m.group("object") != null) {
            return value + " is not an object";
        }
        if (m.group("input") != null) {
            return m.group("input") + " has no field " + m.group("extra");
        }
        if (m.group("type") == null) {
            return "required fields missing: " + m.group("missing");
        }
        if (schema != null && schema.getType(m.group("type")) instanceof GraphQLEnumType enumType) {
            return value + " is not one of " + String.join(", ",
                    enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList());
        }
        return value + " " + expected(m.group("type"), m.group("detail"));
    }

    /** What a value of the named input type is, said to someone who sent something else. */
    static String expected(String type, String detail) {
        return switch (type) {
            case "Date" -> "is not a date (YYYY-MM-DD)";
            case "DateTime" -> "is not a date and time (ISO 8601, e.g. 2026-01-31T12:00:00Z)";
            case "Int" -> "is not a whole number between -2147483648 and 2147483647";
            case "BigInteger", "Long" -> "is not a whole number";
            case "Float", "BigDecimal" -> "is not a number";
            case "String" -> "is not a text (write it in double quotes)";
            case "Boolean" -> "is not true or false";
            case "ID" -> "is not an id (a text or a whole number)";
            default -> detail != null && detail.startsWith("Literal value not in allowable values for enum")
                    ? "is not one of the values of " + type
                    : "is not a valid " + type;
        };
    }

    /** graphql-java's reason a variable was refused, without the internals it may carry. */
    private static String plainDetail(String detail) {
        return INTERNAL.matcher(detail).find() ? "the value is not valid" : detail;
    }
}
