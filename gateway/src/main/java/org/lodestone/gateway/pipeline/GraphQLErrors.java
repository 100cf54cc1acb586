package org.lodestone.gateway.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GraphQL error objects as the response carries them; codes are the team's stable set. */
public final class GraphQLErrors {

    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String BAD_USER_INPUT = "BAD_USER_INPUT";
    public static final String SUBGRAPH_UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";
    /** The supergraph offers no way to fetch what a valid operation asks for. */
    public static final String QUERY_PLANNING_FAILED = "QUERY_PLANNING_FAILED";
    public static final String INTERNAL = "INTERNAL";

    /** Every code an answer may carry (DESIGN): those above, and the subgraphs' own NOT_FOUND, VERSION_CONFLICT, SERVICE_UNAVAILABLE. */
    public static final Set<String> CODES = Set.of(UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, "NOT_FOUND",
            "VERSION_CONFLICT", SUBGRAPH_UNAVAILABLE, "SERVICE_UNAVAILABLE", QUERY_PLANNING_FAILED, INTERNAL);

    private GraphQLErrors() {
    }

    public static Map<String, Object> error(String message, List<Object> path, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        if (path != null) {
            error.put("path", List.copyOf(path));
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        error.put("extensions", extensions);
        return error;
    }

    public static Map<String, Object> error(String message, String code) {
        return error(message, null, code);
    }
}
