package org.lodestone.gateway.pipeline;

import java.util.Map;

/** A GraphQL-over-HTTP request, from a POST body or GET parameters. */
public record GraphQLRequest(String query, String operationName, Map<String, Object> variables,
        Map<String, Object> extensions) {

    /** What a POST body whose members have the wrong types is told. */
    public static final String EXPECTED_BODY =
            "Expected {\"query\": string, \"operationName\"?: string, \"variables\"?: object, \"extensions\"?: object}";

    /** The request a POST body's JSON object carries, or null when a member has the wrong type. */
    public static GraphQLRequest fromBody(Map<String, Object> json) {
        Object query = json.get("query");
        Object operationName = json.get("operationName");
        Object variables = json.get("variables");
        Object extensions = json.get("extensions");
        if (!(query instanceof String) || (operationName != null && !(operationName instanceof String))
                || (variables != null && !(variables instanceof Map)) || (extensions != null && !(extensions instanceof Map))) {
            return null;
        }
        return new GraphQLRequest((String) query, (String) operationName, object(variables), object(extensions));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }
}
