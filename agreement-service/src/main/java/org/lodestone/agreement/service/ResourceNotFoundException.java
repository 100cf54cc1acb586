package org.lodestone.agreement.service;

import io.smallrye.graphql.api.ErrorCode;

/** Unknown key, or a key the caller may not see: both read the same, so hidden agreements do not leak. */
@ErrorCode("NOT_FOUND")
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String kind, String id) {
        super(kind + " " + id + " not found");
    }
}
