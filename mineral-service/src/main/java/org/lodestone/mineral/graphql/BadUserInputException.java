package org.lodestone.mineral.graphql;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("BAD_USER_INPUT")
public class BadUserInputException extends RuntimeException {

    public BadUserInputException(String message) {
        super(message);
    }
}
