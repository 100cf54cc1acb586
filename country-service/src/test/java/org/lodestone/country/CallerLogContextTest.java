package org.lodestone.country;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;
import org.lodestone.support.CallerLogContext;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The caller's subject and country are in the logging MDC while their request is served, for the first request with
 * a token (verified in full) and for the next ones (remembered), and nothing of an earlier caller is left for the
 * next.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "country"))
class CallerLogContextTest {

    /** Test-only endpoint: what a log line written now would carry. */
    @Path("/test-only/log-context")
    public static class LogContextProbe {

        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String current() {
            return MDC.get(CallerLogContext.SUBJECT) + " " + MDC.get(CallerLogContext.COUNTRY);
        }
    }

    @Test
    void everyRequestCarriesItsOwnCaller() {
        String jp = TestTokens.member("JP");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(jp).get("/test-only/log-context").then().statusCode(200)
                    .body(equalTo("sub-jp-member JP"));
        }
        given().auth().oauth2(TestTokens.admin()).get("/test-only/log-context").then().statusCode(200)
                .body(equalTo("sub-coalition-admin null"));
        given().auth().oauth2(TestTokens.member("US")).get("/test-only/log-context").then().statusCode(200)
                .body(equalTo("sub-us-member US"));
    }

    @Test
    void refusedCallersReachNothing() {
        given().auth().oauth2(TestTokens.expired()).get("/test-only/log-context").then().statusCode(401);
        given().get("/test-only/log-context").then().statusCode(401);
    }
}
