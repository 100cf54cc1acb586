package org.lodestone.mineral.service;

import java.util.List;

/** Input that breaks a rule; answered as 400 (REST) or BAD_USER_INPUT (GraphQL). Nothing was written. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;
    private final long errorCount;

    public InvalidInputException(String message, List<FieldError> errors) {
        this(message, errors, errors.size());
    }

    public InvalidInputException(String message, List<FieldError> errors, long errorCount) {
        super(message);
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    public static InvalidInputException of(String field, String reason) {
        return new InvalidInputException(field + ": " + reason, List.of(FieldError.of(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    public long errorCount() {
        return errorCount;
    }
}
