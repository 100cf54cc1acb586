package org.lodestone.support.problem;

import io.smallrye.graphql.api.ErrorCode;

/** The caller is known but may not do this: REST 403, GraphQL {@code FORBIDDEN}. */
@ErrorCode("FORBIDDEN")
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
