package org.lodestone.gateway.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lodestone.gateway.supergraph.InputScalars;
import org.lodestone.graphql.ArgumentRefusal;

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
            ArgumentRefusal refusal = ArgumentRefusal.parse(error.getMessage());
            if (refusal != null) {
                GraphQLType type = refusal.type() == null ? null : schema.getType(refusal.type());
                List<String> enumValues = type instanceof GraphQLEnumType e
                        ? e.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList()
                        : null;
                return argumentError(refusal.path(), refusal.detail(enumValues, InputErrors::wrongType), error);
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

    private static String wrongType(String value, String type, String detail) {
        if ("String".equals(type)) {
            return value + " is not a text (write it in double quotes)";
        }
        if ("Boolean".equals(type)) {
            return value + " is not true or false";
        }
        // the API schema's scalars (InputScalars) word their refusals plainly; others get a generic message
        return detail != null && !detail.contains("Value{") ? detail : value + " is not a valid " + type;
    }
}
