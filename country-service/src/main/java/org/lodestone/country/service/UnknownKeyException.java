package org.lodestone.country.service;

import io.smallrye.graphql.api.ErrorCode;

/** The caller asked for something by key that does not exist. */
@ErrorCode("NOT_FOUND")
public class UnknownKeyException extends RuntimeException {

    public UnknownKeyException(String what, Object key) {
        super("No " + what + " with key '" + key + "'");
    }
}
