package org.lodestone.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import org.lodestone.support.DatabaseOutage;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.StoppablePostgresResource;
import org.lodestone.testing.TestTokens;

/**
 * PostgreSQL stopped under a running service: GraphQL answers SERVICE_UNAVAILABLE with a plain message, REST 503
 * problem+json; when PostgreSQL is started again the service answers as before, with nothing lost, no restart.
 */
@QuarkusTest
@QuarkusTestResource(value = StoppablePostgresResource.class, restrictToAnnotatedClass = true)
class DatabaseOutageTest {

    private static final String AGREEMENTS = "{ agreements { id } }";

    @Test
    void theDatabaseGoingAwayIsServiceUnavailableAndTheServiceRecoversWhenItReturns() throws InterruptedException {
        String admin = TestTokens.admin();
        int before = GraphQL.ok(admin, AGREEMENTS).extract().<List<?>>path("data.agreements").size();

        StoppablePostgresResource.stopServer();
        try {
            ExtractableResponse<Response> down = GraphQL.post(admin, AGREEMENTS).extract();
            assertEquals("SERVICE_UNAVAILABLE", down.path("errors[0].extensions.code"), down.asString());
            assertEquals(DatabaseOutage.MESSAGE, down.path("errors[0].message"), down.asString());
            assertFalse(down.asString().contains("System error") || down.asString().contains("j-d-b-c"), down.asString());

            given().auth().oauth2(admin).get("/agreements").then().statusCode(503)
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(503)).body("detail", equalTo(DatabaseOutage.MESSAGE));
            given().auth().oauth2(admin).get("/agreements/AG-US-JP-2023-CMA").then().statusCode(503);
        } finally {
            StoppablePostgresResource.startServer();
        }

        // the pool drops the broken connections as they fail and opens new ones
        long deadline = System.currentTimeMillis() + 30_000;
        ExtractableResponse<Response> after = GraphQL.post(admin, AGREEMENTS).extract();
        while (after.path("errors") != null && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            after = GraphQL.post(admin, AGREEMENTS).extract();
        }
        assertEquals(before, after.<List<?>>path("data.agreements").size(), after.asString());
        given().auth().oauth2(admin).get("/agreements").then().statusCode(200);
    }
}
