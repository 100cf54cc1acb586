package org.lodestone.agreement.service;

import java.util.List;

import org.lodestone.support.problem.ConflictException;

import io.smallrye.graphql.api.ErrorCode;

/** The agreement changed since the caller read it (REST 409, GraphQL VERSION_CONFLICT). */
@ErrorCode("VERSION_CONFLICT")
public class VersionConflictException extends ConflictException {

    private final int currentVersion;

    public VersionConflictException(String id, int expected, int current) {
        super("version-conflict", "Agreement " + id + " is at version " + current + ", not the expected version "
                + expected + "; reload it and retry", List.of());
        this.currentVersion = current;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
