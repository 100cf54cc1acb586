package org.lodestone.mineral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may do what: every endpoint needs a valid token; writes need analyst or admin. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@Order(5)
class SecurityTest {

    private static final String[] READS = { "/minerals", "/minerals/lithium", "/supply-shares?mineral=cobalt",
            "/production?mineral=lithium", "/prices?mineral=lithium", "/export-controls" };

    private static final String PRICE = """
            {"mineral":"lithium","date":"1949","periodType":"annual_average","price":1.5,"unitCurrency":"USD/t",
             "source":"Security test fixture, not a real price"}""";

    @Test
    void invalidTokensGet401Everywhere() {
        for (String token : new String[] { null, TestTokens.forged(), TestTokens.expired(), TestTokens.wrongIssuer(),
                TestTokens.wrongAudience() }) {
            for (String path : READS) {
                var request = given();
                if (token != null) {
                    request = request.auth().oauth2(token);
                }
                request.get(path).then().statusCode(401);
            }
            var gql = given().contentType(ContentType.JSON).body(Map.of("query", "{ minerals { id } }"));
            if (token != null) {
                gql = gql.auth().oauth2(token);
            }
            gql.post("/graphql").then().statusCode(401);
            var write = given().contentType(ContentType.JSON).body(PRICE);
            if (token != null) {
                write = write.auth().oauth2(token);
            }
            write.post("/prices").then().statusCode(401);
        }
    }

    @Test
    void healthStaysOpen() {
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void everyRoleReads() {
        for (String token : new String[] { TestTokens.member("JP"), TestTokens.analyst(), TestTokens.admin(),
                TestTokens.noRole() }) {
            for (String path : READS) {
                given().auth().oauth2(token).get(path).then().statusCode(200);
            }
        }
    }

    @Test
    void writesNeedAnalystOrAdmin() {
        for (String token : new String[] { TestTokens.member("US"), TestTokens.noRole() }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(PRICE).post("/prices").then()
                    .statusCode(403);
            given().auth().oauth2(token).contentType("text/csv").body("mineral,date\n").post("/prices/bulk").then()
                    .statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("imposingCountry", "CN"))
                    .post("/export-controls").then().statusCode(403);
            GraphQL.post(token, """
                    mutation { recordExportControl(input: { imposingCountry: "CN", minerals: ["gallium"],
                      targetsAll: true, measure: "licence", effectiveOn: "2026-01-01", source: "x" }) { id } }""")
                    .statusCode(200)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", is("FORBIDDEN"));
        }
        for (String token : new String[] { TestTokens.analyst(), TestTokens.admin() }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(PRICE).post("/prices").then()
                    .statusCode(201).body("date", is("1949"));
        }
    }
}
