package org.lodestone.country;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Posts GraphQL operations to the subgraph the way the gateway does. */
final class GraphQL {

    private GraphQL() {
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
        return request.when().post("/graphql").then().log().ifValidationFails();
    }
}
