package org.lodestone.country.service;

import io.smallrye.graphql.api.ErrorCode;

/** Input that passed syntax checks but breaks a rule of the domain; names the offending field. */
@ErrorCode("BAD_USER_INPUT")
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
