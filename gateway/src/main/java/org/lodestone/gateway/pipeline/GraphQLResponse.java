package org.lodestone.gateway.pipeline;

import java.util.Map;

import io.smallrye.mutiny.Multi;

/**
 * What the processor produced. {@code requestError} means the request itself was rejected
 * (syntax, validation, variables, limits): 400 for {@code application/graphql-response+json}
 * clients, 200 for legacy {@code application/json} ones.
 *
 * @param status a fixed status overriding that rule (405, 413), or 0
 * @param subsequent for an incremental response ({@code @defer}): the payloads after {@code body}, the initial one;
 *        null for a single result
 * @param json a single result's body already written as UTF-8 JSON ({@code body} is null then), see
 *        {@link GraphQLRequestProcessor#processToJson}; null otherwise
 */
public record GraphQLResponse(Map<String, Object> body, boolean requestError, int status,
        Multi<Map<String, Object>> subsequent, byte[] json) {

    public GraphQLResponse(Map<String, Object> body, boolean requestError, int status) {
        this(body, requestError, status, null, null);
    }

    public GraphQLResponse(Map<String, Object> body, boolean requestError, int status,
            Multi<Map<String, Object>> subsequent) {
        this(body, requestError, status, subsequent, null);
    }

    /** A single result (not a request error) whose body is already JSON. */
    public static GraphQLResponse json(byte[] json) {
        return new GraphQLResponse(null, false, 0, null, json);
    }

    /** An incremental response: {@code initial} (with {@code hasNext}) now, the rest as {@code subsequent} yields them. */
    public static GraphQLResponse incremental(Map<String, Object> initial, Multi<Map<String, Object>> subsequent) {
        return new GraphQLResponse(initial, false, 0, subsequent);
    }

    public boolean isIncremental() {
        return subsequent != null;
    }

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
