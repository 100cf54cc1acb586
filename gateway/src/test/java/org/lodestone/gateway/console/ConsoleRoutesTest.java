package org.lodestone.gateway.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.junit.jupiter.api.Test;

import org.lodestone.gateway.testsupport.CoalitionStubsResource;

/** The console's routes are public and strictly policed; /graphql keeps requiring a token. */
@QuarkusTest
@QuarkusTestResource(CoalitionStubsResource.class)
class ConsoleRoutesTest {

    @Test
    void thePageIsServedWithoutATokenUnderAStrictPolicy() {
        String page = given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("style-src 'self';"))
                .header("Content-Security-Policy", containsString("connect-src 'self' https://issuer.test.lodestone;"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe")))
                .header("X-Content-Type-Options", "nosniff")
                .extract().asString();
        // Only external scripts: <script ... src=...> and nothing between script tags.
        assertTrue(page.contains("src=\"/static/bundle/main"), page);
        assertFalse(page.matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), page);
        assertFalse(page.contains("style=\""), page);
    }

    @Test
    void settingsNameTheRealmAndThePublicClient() {
        given().when().get("/console/settings.json")
                .then().statusCode(200)
                .body("issuer", equalTo("https://issuer.test.lodestone/realms/coalition"))
                .body("clientId", equalTo("lodestone-console"));
    }

    @Test
    void explorerIsAViewOfTheConsole() {
        given().redirects().follow(false).when().get("/explorer")
                .then().statusCode(303).header("Location", "/#/explorer");
    }

    @Test
    void graphqlStillNeedsABearerToken() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ me { username } }"))
                .when().post("/graphql")
                .then().statusCode(401)
                .header("Content-Security-Policy", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }
}
