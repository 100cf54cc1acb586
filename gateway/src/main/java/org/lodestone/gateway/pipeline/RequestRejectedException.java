package org.lodestone.gateway.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.language.SourceLocation;

/** A request refused before any subgraph traffic; carries the response to send. */
final class RequestRejectedException extends RuntimeException {

    private final GraphQLResponse response;

    private RequestRejectedException(GraphQLResponse response) {
        super(null, null, false, false);
        this.response = response;
    }

    GraphQLResponse response() {
        return response;
    }

    static RequestRejectedException badInput(String message, SourceLocation location) {
        Map<String, Object> error = GraphQLErrors.error(message, GraphQLErrors.BAD_USER_INPUT);
        if (location != null) {
            error = withLocations(error, List.of(location));
        }
        return errors(List.of(error));
    }

    static RequestRejectedException code(String message, String code) {
        return errors(List.of(GraphQLErrors.error(message, code)));
    }

    static RequestRejectedException badInput(String message) {
        return badInput(message, null);
    }

    @SuppressWarnings("unchecked")
    static RequestRejectedException limit(String message, String limit) {
        Map<String, Object> error = GraphQLErrors.error(message, GraphQLErrors.BAD_USER_INPUT);
        ((Map<String, Object>) error.get("extensions")).put("limit", limit);
        return errors(List.of(error));
    }

    /** A refused argument or variable value; {@code path} names it (e.g. {@code input.asOf}, {@code $code}). */
    @SuppressWarnings("unchecked")
    static RequestRejectedException argument(String path, String message) {
        Map<String, Object> error = GraphQLErrors.error(message, GraphQLErrors.BAD_USER_INPUT);
        ((Map<String, Object>) error.get("extensions")).put("argument", path);
        return errors(List.of(error));
    }

    static RequestRejectedException errors(List<Map<String, Object>> errors) {
        return new RequestRejectedException(GraphQLResponse.rejected(Map.of("errors", errors)));
    }

    static RequestRejectedException withStatus(int status, String message, String code) {
        return new RequestRejectedException(GraphQLResponse.withStatus(
                Map.of("errors", List.of(GraphQLErrors.error(message, code))), status));
    }

    static Map<String, Object> withLocations(Map<String, Object> error, List<SourceLocation> locations) {
        if (locations == null || locations.isEmpty()) {
            return error;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("message", error.get("message"));
        copy.put("locations", locations.stream().filter(l -> l != null)
                .map(l -> Map.of("line", l.getLine(), "column", l.getColumn())).toList());
        copy.put("extensions", error.get("extensions"));
        return copy;
    }
}
