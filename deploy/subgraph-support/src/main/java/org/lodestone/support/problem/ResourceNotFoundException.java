package org.lodestone.support.problem;

import io.smallrye.graphql.api.ErrorCode;

/**
 * The caller asked for something by key that does not exist, or that the caller may not see: both read the same,
 * so hidden data does not leak. REST 404, GraphQL {@code NOT_FOUND}.
 */
@ErrorCode("NOT_FOUND")
public class ResourceNotFoundException extends RuntimeException {

    /** "No country with key 'XX'". */
    public ResourceNotFoundException(String what, Object key) {
        super("No " + what + " with key '" + key + "'");
    }

    /** For a service whose callers already read its own wording ("Agreement X not found"). */
    public ResourceNotFoundException(String message) {
        super(message);
    }
}
