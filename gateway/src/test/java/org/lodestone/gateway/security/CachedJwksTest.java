package org.lodestone.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.junit.jupiter.api.Test;

import org.lodestone.gateway.testsupport.CoalitionStubsResource;
import org.lodestone.gateway.testsupport.JwksServerResource;
import org.lodestone.testing.TestTokens;

/**
 * Keycloak down: the gateway keeps verifying tokens with the keys it fetched from the JWKS endpoint (signature,
 * issuer, audience, expiry all still checked), so callers holding valid tokens keep working.
 */
@QuarkusTest
@QuarkusTestResource(value = CoalitionStubsResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = JwksServerResource.class, restrictToAnnotatedClass = true)
class CachedJwksTest {

    private static final Map<String, Object> QUERY = Map.of("query", "{ __typename }");

    @Test
    void tokensAreStillVerifiedFromTheCachedKeysWhileTheJwksEndpointIsDown() {
        call(TestTokens.member("JP")).statusCode(200).body("data.__typename", equalTo("Query"));
        int fetched = JwksServerResource.requests();
        assertEquals(1, fetched, "the keys were fetched once");

        JwksServerResource.stopServing();

        for (int i = 0; i < 3; i++) {
            call(TestTokens.member("JP")).statusCode(200).body("data.__typename", equalTo("Query"));
        }
        call(TestTokens.admin()).statusCode(200).body("data.__typename", equalTo("Query"));
        // still verifying, not waving through: a token signed by another key and an expired one are refused
        call(TestTokens.forged()).statusCode(401).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        call(TestTokens.expired()).statusCode(401).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        assertEquals(fetched, JwksServerResource.requests());
    }

    private static io.restassured.response.ValidatableResponse call(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(QUERY)
                .when().post("/graphql").then();
    }
}
