package org.lodestone.gateway.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.lodestone.gateway.supergraph.InputScalars;
import org.lodestone.graphql.InputValueText;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;

/**
 * Plain messages for argument and variable values the API schema refuses. graphql-java words them with its own
 * syntax-tree notation ({@code StringValue{value='x'}}); clients get the argument path, the value as they wrote it
 * and what was expected instead, e.g. {@code input.asOf: "2025-02-30" is not a date (YYYY-MM-DD)}, with the path
 * also in {@code extensions.argument}.
 */
final class InputErrors {

    private static final Pattern ARGUMENT = Pattern.compile("^Validation error \\([^)]*\\) : argument '(?<path>[^']+)'"
            + " with value '(?<value>.*)' (?:is not a valid '(?<type>[^']+)'(?: - (?<detail>.*))?|(?<null>must not be "
            + "null)|(?<object>must be an object type)|is missing required fields '\\[?(?<missing>[^']*?)\\]?'|contains a"
            + " field not in '(?<input>[^']+)': '(?<extra>[^']*)')$", Pattern.DOTALL);
    private static final Pattern VARIABLE = Pattern.compile("^Variable '(?<name>[^']+)' has an invalid value: (?<detail>.*)$",
            Pattern.DOTALL);
    private static final Pattern RAW_TYPE = Pattern.compile("^Expected an? (String|Boolean) input, but it was a '.*'$",
            Pattern.DOTALL);

    private InputErrors() {
    }

    /** The error object for one validation error: rewritten when it is about an argument's value. */
    static Map<String, Object> validation(ValidationError error, GraphQLSchema schema) {
        if (error.getValidationErrorType() == ValidationErrorType.WrongType
                || error.getValidationErrorType() == ValidationErrorType.NullValueForNonNullArgument) {
            Matcher m = ARGUMENT.matcher(error.getMessage());
            if (m.matches()) {
                return argumentError(m.group("path"), detail(m, schema), error);
            }
        }
        return RequestRejectedException.withLocations(
                GraphQLErrors.error(error.getMessage(), GraphQLErrors.BAD_USER_INPUT), error.getLocations());
    }

    /** The error for a variable value graphql-java refused while coercing it ({@code variables} as sent). */
    static RequestRejectedException variable(String message, Map<String, Object> variables) {
        Matcher m = VARIABLE.matcher(message == null ? "" : message);
        if (!m.matches()) {
            return RequestRejectedException.badInput(message);
        }
        String name = m.group("name");
        String detail = m.group("detail");
        Matcher raw = RAW_TYPE.matcher(detail);
        if (raw.matches()) {
            // graphql-java names the Java class of the value; say what the client sent and what was expected
            Object value = variables == null ? null : variables.get(name);
            String sent = value instanceof Map || value instanceof List || value == null || value instanceof String
                    || value instanceof Number || value instanceof Boolean ? InputScalars.describe(value) : "the value";
            detail = sent + ("String".equals(raw.group(1)) ? " is not a text" : " is not true or false");
        }
        return RequestRejectedException.argument("$" + name, "$" + name + ": " + detail);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> argumentError(String path, String detail, ValidationError error) {
        Map<String, Object> body = RequestRejectedException.withLocations(
                GraphQLErrors.error(path + ": " + detail, GraphQLErrors.BAD_USER_INPUT), error.getLocations());
        Map<String, Object> copy = new LinkedHashMap<>(body);
        Map<String, Object> extensions = new LinkedHashMap<>((Map<String, Object>) copy.get("extensions"));
        extensions.put("argument", path);
        copy.put("extensions", extensions);
        return copy;
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
        GraphQLType type = schema.getType(m.group("type"));
        if (type instanceof GraphQLEnumType e) {
            return value + " is not one of " + e.getValues().stream().map(GraphQLEnumValueDefinition::getName)
                    .collect(Collectors.joining(", "));
        }
        if ("String".equals(m.group("type"))) {
            return value + " is not a text (write it in double quotes)";
        }
        if ("Boolean".equals(m.group("type"))) {
            return value + " is not true or false";
        }
        String detail = m.group("detail");
        // the API schema's scalars (InputScalars) word their refusals plainly; others get a generic message
        return detail != null && !detail.contains("Value{") ? detail : value + " is not a valid " + m.group("type");
    }
}
