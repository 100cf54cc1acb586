package org.lodestone.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import org.junit.jupiter.api.Test;

import org.lodestone.gateway.testsupport.CoalitionStubsResource;
import org.lodestone.testing.TestTokens;

/** Production turns the debug header off: a caller can no longer ask for the plan (subgraph names and operations). */
@QuarkusTest
@QuarkusTestResource(CoalitionStubsResource.class)
@TestProfile(DebugPlanHeaderOffTest.HeaderOff.class)
class DebugPlanHeaderOffTest {

    public static class HeaderOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lodestone.gateway.debug-plan-header", "false");
        }
    }

    @Test
    void theHeaderIsIgnoredAndTheQueryStillAnswers() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .header("X-Lodestone-Debug-Plan", "true")
                .body(Map.of("query", "{ countries { name } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.countries.name", hasItem("Japan"))
                .body("extensions", nullValue());
    }
}
