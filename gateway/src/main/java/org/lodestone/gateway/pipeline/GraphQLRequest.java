package org.lodestone.gateway.pipeline;

import java.util.Map;

/** A GraphQL-over-HTTP request, from a POST body or GET parameters. */
public record GraphQLRequest(String query, String operationName, Map<String, Object> variables,
        Map<String, Object> extensions) {
}
