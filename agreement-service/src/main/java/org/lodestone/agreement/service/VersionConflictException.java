package org.lodestone.agreement.service;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("VERSION_CONFLICT")
public class VersionConflictException extends RuntimeException {

    private final int currentVersion;

    public VersionConflictException(String id, int expected, int current) {
        super("Agreement " + id + " is at version " + current + ", not the expected version " + expected
                + "; reload it and retry");
        this.currentVersion = current;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
