package org.lodestone.support.problem;

import java.util.List;
import java.util.stream.Collectors;

import io.smallrye.graphql.api.ErrorCode;

/**
 * Input that breaks a rule; nothing was written. REST answers 400 with the fields, GraphQL {@code BAD_USER_INPUT}
 * with the message, which names every field and reason.
 */
@ErrorCode("BAD_USER_INPUT")
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;
    private final long errorCount;

    public InvalidInputException(List<FieldError> errors) {
        this(describe(errors), errors, errors.size());
    }

    /** For a list cut short: {@code errorCount} is the number of errors found in all. */
    public InvalidInputException(String message, List<FieldError> errors, long errorCount) {
        super(message);
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    public static InvalidInputException of(String field, String reason) {
        return new InvalidInputException(List.of(FieldError.of(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    public long errorCount() {
        return errorCount;
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; "));
    }
}
