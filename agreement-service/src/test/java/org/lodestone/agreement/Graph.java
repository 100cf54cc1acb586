package org.lodestone.agreement;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Posts GraphQL operations to the subgraph with a bearer token. */
final class Graph {

    private Graph() {
    }

    static ValidatableResponse post(String token, String query) {
        return post(token, query, Map.of());
    }

    static ValidatableResponse post(String token, String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.when().post("/graphql").then();
    }

    /** Posts and expects HTTP 200 (GraphQL errors, if any, are in the body). */
    static ValidatableResponse ok(String token, String query, Map<String, Object> variables) {
        return post(token, query, variables).statusCode(200);
    }

    static ValidatableResponse ok(String token, String query) {
        return ok(token, query, Map.of());
    }
}
