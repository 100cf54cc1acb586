package org.lodestone.country;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Analysts record dependence indicators; bad input is refused with a problem and writes nothing. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "country"))
class DependenceWriteTest {

    @Inject
    DependenceIndicatorRepository indicators;

    private long before;

    @BeforeEach
    void countRows() {
        before = QuarkusTransaction.requiringNew().call(indicators::count);
    }

    /** Other test classes count the seed rows exactly, so what this class writes does not outlive it. */
    @AfterEach
    void removeRecordedRows() {
        QuarkusTransaction.requiringNew().run(() -> indicators.delete("recordedBy <> 'seed'"));
    }

    private static Map<String, Object> validBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("mineral", "gallium");
        body.put("indicator", "china_share_of_imports");
        body.put("value", 42.5);
        body.put("valueQualifier", "APPROXIMATELY");
        body.put("unit", "% of gallium imports");
        body.put("period", "2025");
        body.put("note", "analyst estimate from customs data");
        body.put("source", "Example Statistics Office, Customs import data 2025, https://stats.example/ga [S99]");
        return body;
    }

    private static ValidatableResponse post(String token, String country, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/countries/" + country + "/dependencies").then();
    }

    private long rows() {
        return QuarkusTransaction.requiringNew().call(indicators::count);
    }

    private ValidatableResponse assertRejected(ValidatableResponse response, int status) {
        response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        assertEquals(before, rows(), "a refused request must write nothing");
        return response;
    }

    @Test
    void analystRecordsAnIndicatorWithItsParsedSource() {
        String location = post(TestTokens.analyst(), "FR", validBody())
                .statusCode(201)
                .body("countryCode", equalTo("FR"))
                .body("mineral.id", equalTo("gallium"))
                .body("value", equalTo(42.5f))
                .body("valueText", equalTo("~42.5"))
                .body("source.publisher", equalTo("Example Statistics Office"))
                .body("source.title", equalTo("Customs import data 2025"))
                .body("source.year", equalTo(2025))
                .body("source.url", equalTo("https://stats.example/ga"))
                .body("source.refs[0]", equalTo("S99"))
                .extract().header("Location");
        assertEquals(before + 1, rows());
        given().auth().oauth2(TestTokens.member("FR")).get("/countries/FR/dependencies").then().statusCode(200)
                .body("indicator", hasItem("china_share_of_imports"));
        given().auth().oauth2(TestTokens.member("FR")).get(location.replaceFirst("^https?://[^/]+", ""))
                .then().statusCode(200).body("countryCode", equalTo("FR"));
    }

    @Test
    void adminMayRecordToo() {
        post(TestTokens.admin(), "EU", validBody()).statusCode(201);
        assertEquals(before + 1, rows());
    }

    @Test
    void unknownCountryIsABadRequestNamingTheField() {
        assertRejected(post(TestTokens.analyst(), "XX", validBody()), 400)
                .body("errors[0].field", equalTo("countryCode"))
                .body("errors[0].reason", startsWith("unknown country code 'XX'"));
        // a real ISO code this service holds no row for is just as unknown
        assertRejected(post(TestTokens.analyst(), "NZ", validBody()), 400)
                .body("errors[0].field", equalTo("countryCode"));
        // aggregates are data buckets, not countries facts can be recorded for
        assertRejected(post(TestTokens.analyst(), "WORLD", validBody()), 400)
                .body("errors[0].field", equalTo("countryCode"));
    }

    @Test
    void negativeValueIsRefused() {
        Map<String, Object> body = validBody();
        body.put("value", -3);
        assertRejected(post(TestTokens.analyst(), "FR", body), 400)
                .body("errors[0].field", equalTo("value"));
    }

    @Test
    void percentageOverAHundredIsRefused() {
        Map<String, Object> body = validBody();
        body.put("value", 100.5);
        assertRejected(post(TestTokens.analyst(), "FR", body), 400)
                .body("errors[0].field", equalTo("value"))
                .body("errors[0].reason", equalTo("a percentage cannot exceed 100"));
    }

    @Test
    void daysMayExceedAHundred() {
        Map<String, Object> body = validBody();
        body.put("indicator", "stockpile_target_days");
        body.put("unit", "days of consumption");
        body.put("value", 180);
        post(TestTokens.analyst(), "FR", body).statusCode(201).body("valueText", equalTo("~180"));
    }

    @Test
    void missingAndMalformedFieldsAreAllListed() {
        Map<String, Object> body = validBody();
        body.remove("source");
        body.put("mineral", "Rare Earths!");
        body.remove("value");
        assertRejected(post(TestTokens.analyst(), "FR", body), 400)
                .body("errors.field", containsInAnyOrder("mineral", "source", "value"));
    }

    @Test
    void unknownEnumValueIsABadRequest() {
        Map<String, Object> body = validBody();
        body.put("valueQualifier", "ROUGHLY");
        assertRejected(post(TestTokens.analyst(), "FR", body), 400)
                .body("errors[0].field", equalTo("valueQualifier"))
                .body("errors[0].reason", startsWith("must be one of"));
    }

    @Test
    void wrongValueTypeIsABadRequest() {
        Map<String, Object> body = validBody();
        body.put("value", "lots");
        assertRejected(post(TestTokens.analyst(), "FR", body), 400)
                .body("errors[0].field", equalTo("value"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertRejected(post(TestTokens.analyst(), "FR", "{\"mineral\": \"gallium\", "), 400)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void emptyBodyIsABadRequest() {
        assertRejected(given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON)
                .when().post("/countries/FR/dependencies").then(), 400);
    }

    @Test
    void wrongContentTypeIs415() {
        assertRejected(given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.TEXT)
                .body("mineral=gallium").when().post("/countries/FR/dependencies").then(), 415);
    }

    @Test
    void oversizedBodyIs413() {
        Map<String, Object> body = validBody();
        body.put("note", "x".repeat(70 * 1024));
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body(body)
                .when().post("/countries/FR/dependencies").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
        assertEquals(before, rows());
    }

    @Test
    void membersMayNotRecord() {
        post(TestTokens.member("FR"), "FR", validBody()).statusCode(403);
        post(TestTokens.noRole(), "FR", validBody()).statusCode(403);
        assertEquals(before, rows());
    }

    @Test
    void forbiddenWinsOverBadInput() {
        // a member learns nothing about validation rules they could not use anyway
        post(TestTokens.member("FR"), "XX", "{not json").statusCode(403);
        assertEquals(before, rows());
    }

    @Test
    void anonymousAndBadTokensMayNotRecord() {
        given().contentType(ContentType.JSON).body(validBody()).when().post("/countries/FR/dependencies")
                .then().statusCode(401);
        for (String token : new String[] { TestTokens.expired(), TestTokens.forged(), TestTokens.wrongIssuer(),
                TestTokens.wrongAudience() }) {
            post(token, "FR", validBody()).statusCode(401);
        }
        assertEquals(before, rows());
    }
}
