package org.lodestone.gateway.pipeline;

import java.util.Map;

import io.smallrye.mutiny.Multi;

/**
 * An operation run for a streaming transport: either the results to send one by one ({@code results}), or the
 * response refusing the request ({@code rejected}: syntax, validation, variables, planning).
 */
public record OperationStream(Multi<Map<String, Object>> results, GraphQLResponse rejected) {

    public static OperationStream of(Multi<Map<String, Object>> results) {
        return new OperationStream(results, null);
    }

    public static OperationStream rejected(GraphQLResponse response) {
        return new OperationStream(null, response);
    }
}
