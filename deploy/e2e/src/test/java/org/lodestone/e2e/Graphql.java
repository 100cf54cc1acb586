package org.lodestone.e2e;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** GraphQL over HTTP against the gateway, the way any client would call it. */
public final class Graphql {

    private final String endpoint;

    Graphql(String gatewayUrl) {
        this.endpoint = gatewayUrl + "/graphql";
    }

    public String endpoint() {
        return endpoint;
    }

    /** POSTs the operation with the token (null: no Authorization header) and returns the raw response. */
    public Response post(String token, String query, Map<String, Object> variables) {
        return post(token, query, variables, Map.of());
    }

    public Response post(String token, String query, Map<String, Object> variables, Map<String, String> headers) {
        var request = given().contentType(ContentType.JSON).accept(ContentType.JSON).headers(headers)
                .body(Map.of("query", query, "variables", variables));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post(endpoint);
    }

    /** POSTs and expects HTTP 200; GraphQL errors, if any, are in the returned document. */
    public Result call(String token, String query, Map<String, Object> variables) {
        Response response = post(token, query, variables);
        if (response.statusCode() != 200) {
            throw new AssertionError("gateway answered HTTP " + response.statusCode() + ": " + response.asString());
        }
        return new Result(response.jsonPath(), response.asString());
    }

    public Result call(String token, String query) {
        return call(token, query, Map.of());
    }

    /** A GraphQL response: {@code data} plus {@code errors}. */
    public record Result(JsonPath json, String body) {

        public List<Map<String, Object>> errors() {
            List<Map<String, Object>> errors = json.getList("errors");
            return errors == null ? List.of() : errors;
        }

        public List<String> errorCodes() {
            return errors().stream().map(Result::code).toList();
        }

        /** Fails with the whole body when the response carries errors. */
        public Result withoutErrors() {
            if (!errors().isEmpty()) {
                throw new AssertionError("unexpected GraphQL errors: " + body);
            }
            return this;
        }

        public <T> T get(String path) {
            return json.get(path);
        }

        public String firstErrorCode() {
            if (errors().isEmpty()) {
                throw new AssertionError("expected a GraphQL error, got: " + body);
            }
            return code(errors().get(0));
        }

        @SuppressWarnings("unchecked")
        static String code(Map<String, Object> error) {
            Object extensions = error.get("extensions");
            return extensions instanceof Map<?, ?> map ? String.valueOf(((Map<String, Object>) map).get("code")) : null;
        }
    }
}
