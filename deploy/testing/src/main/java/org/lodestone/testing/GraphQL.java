package org.lodestone.testing;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Posts GraphQL operations to the subgraph under test the way the gateway does: JSON body, bearer token. */
public final class GraphQL {

    private GraphQL() {
    }

    /** Posts without variables; {@code token} null sends no Authorization header. */
    public static ValidatableResponse post(String token, String query) {
        return post(token, query, Map.of());
    }

    public static ValidatableResponse post(String token, String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.when().post("/graphql").then().log().ifValidationFails();
    }

    /** Posts and expects HTTP 200 (GraphQL errors, if any, are in the body). */
    public static ValidatableResponse ok(String token, String query, Map<String, Object> variables) {
        return post(token, query, variables).statusCode(200);
    }

    public static ValidatableResponse ok(String token, String query) {
        return ok(token, query, Map.of());
    }
}
