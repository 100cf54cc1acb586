package org.lodestone.support;

import io.smallrye.graphql.api.ErrorCode;

/**
 * A dependency the service needs (its database) cannot be reached right now: GraphQL answers
 * {@code SERVICE_UNAVAILABLE}, REST 503 problem+json. The message is for callers; the cause stays in the log.
 */
@ErrorCode("SERVICE_UNAVAILABLE")
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
