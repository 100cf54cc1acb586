package org.lodestone.gateway.pipeline;

import java.util.Map;

/**
 * What the processor produced. {@code requestError} means the request itself was rejected
 * (syntax, validation, variables, limits): 400 for {@code application/graphql-response+json}
 * clients, 200 for legacy {@code application/json} ones.
 *
 * @param status a fixed status overriding that rule (405, 413), or 0
 */
public record GraphQLResponse(Map<String, Object> body, boolean requestError, int status) {

    public static GraphQLResponse ok(Map<String, Object> body) {
        return new GraphQLResponse(body, false, 0);
    }

    public static GraphQLResponse rejected(Map<String, Object> body) {
        return new GraphQLResponse(body, true, 0);
    }

    public static GraphQLResponse withStatus(Map<String, Object> body, int status) {
        return new GraphQLResponse(body, true, status);
    }
}
