package org.lodestone.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.RestChecks;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Bad input gets a clear error naming the field, never a 500, and nothing is written. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class BadInputTest {

    @Test
    void unknownCountryAndMineralAreRejectedAndNothingIsCreated() {
        String id = Fixtures.newId("bad");
        Map<String, Object> input = Fixtures.agreementInput(id, "PUBLIC", "SIGNED", List.of("JP", "XX"),
                List.of("unobtainium"), "2026-01-01");
        GraphQL.ok(TestTokens.admin(), Fixtures.CREATE, Map.of("input", input))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("unknown country code 'XX'"))
                .body("errors[0].message", containsString("unknown mineral id 'unobtainium'"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(input).post("/agreements").then()
                .statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("parties"))
                .body("errors.field", hasItem("minerals"));
        given().auth().oauth2(TestTokens.admin()).get("/agreements/" + id).then().statusCode(404);
    }

    @Test
    void missingPartiesLowerCaseCodesAndSignedWithoutDateAreRejected() {
        Map<String, Object> input = Fixtures.agreementInput(Fixtures.newId("bad"), "PUBLIC", "SIGNED", List.of(),
                List.of("lithium"), null);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(input).post("/agreements").then()
                .statusCode(400)
                .body("errors.find { it.field == 'parties' }.reason", equalTo("needs at least one party"))
                .body("errors.field", hasItem("signedOn"));
        input.put("parties", List.of("jp"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(input).post("/agreements").then()
                .statusCode(400).body("errors.field", hasItem("parties"));
    }

    @Test
    void negativeTargetsUnknownCurrencyAndDueBeforeSigningAreRejected() {
        String id = Fixtures.agreement("badc", "PUBLIC", "SIGNED", List.of("JP", "AU"), List.of("lithium"), "2026-01-01");
        Map<String, Object> negative = Fixtures.commitmentInput("JP", -5.0, "USD", "2027-01-01");
        GraphQL.ok(TestTokens.admin(), Fixtures.ADD_COMMITMENT, Map.of("agreementId", id, "input", negative))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("targetAmount: must be a finite number >= 0"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Fixtures.commitmentInput("JP", 5.0, "USD", "2025-12-31"))
                .post("/agreements/" + id + "/commitments").then()
                .statusCode(400).body("errors[0].field", equalTo("dueOn"))
                .body("errors[0].reason", containsString("before the agreement's signing date 2026-01-01"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Fixtures.commitmentInput("DE", 5.0, "XYZ", "2027-01-01"))
                .post("/agreements/" + id + "/commitments").then()
                .statusCode(400).body("errors.field", hasItem("obligor")).body("errors.field", hasItem("currency"));
        Map<String, Object> quantity = new HashMap<>(Fixtures.commitmentInput("JP", null, null, null));
        quantity.put("targetQuantity", -1);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(quantity)
                .post("/agreements/" + id + "/commitments").then()
                .statusCode(400).body("errors.field", hasItem("targetQuantity")).body("errors.field", hasItem("unit"));
        given().auth().oauth2(TestTokens.admin()).get("/agreements/" + id + "/commitments").then()
                .statusCode(200).body("", hasSize(0));
        given().auth().oauth2(TestTokens.admin()).get("/agreements/" + id + "/history").then().body("", hasSize(1));
    }

    @Test
    void negativeOrMismatchedProgressIsRejected() {
        String id = Fixtures.agreement("badp", "PUBLIC", "SIGNED", List.of("JP", "AU"), List.of("lithium"), "2026-01-01");
        String commitment = Fixtures.commitment(id, "JP", 100.0, "USD", "2027-01-01");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("amount", -1, "asOf", "2026-02-01")).post("/commitments/" + commitment + "/progress").then()
                .statusCode(400).body("errors[0].field", equalTo("amount"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("quantity", 5, "asOf", "2026-02-01")).post("/commitments/" + commitment + "/progress").then()
                .statusCode(400).body("errors.field", hasItem("quantity")).body("errors.field", hasItem("amount"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("amount", 5, "asOf", "2025-02-01")).post("/commitments/" + commitment + "/progress").then()
                .statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().auth().oauth2(TestTokens.admin()).get("/commitments/" + commitment + "/progress").then()
                .statusCode(200).body("", hasSize(0));
    }

    @Test
    void unknownEnumValuesAreRejectedInRestAndGraphQL() {
        String id = Fixtures.agreement("bade", "PUBLIC", "SIGNED", List.of("JP", "AU"), List.of("lithium"), "2026-01-01");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("status", "FROZEN", "expectedVersion", 0)).post("/agreements/" + id + "/status").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].reason", containsString("FROZEN"));
        given().auth().oauth2(TestTokens.admin()).get("/agreements?status=FROZEN").then()
                .statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(TestTokens.admin()).get("/commitments?dueBefore=soon").then()
                .statusCode(400).body("errors[0].field", equalTo("dueBefore"));
        // GraphQL validates enum literals before executing anything
        GraphQL.ok(TestTokens.admin(), """
                mutation { changeAgreementStatus(id: "%s", expectedVersion: 0, status: FROZEN) { id } }""".formatted(id))
                .body("data", nullValue())
                .body("errors[0].message", containsString("FROZEN"));
        given().auth().oauth2(TestTokens.admin()).get("/agreements/" + id).then()
                .body("status", equalTo("SIGNED")).body("version", equalTo(0));
    }

    @Test
    void malformedJsonWrongContentTypeAndMissingVersionAreClientErrors() {
        String id = Fixtures.agreement("badj", "PUBLIC", "SIGNED", List.of("JP", "AU"), List.of("lithium"), "2026-01-01");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"title\": \"x\",")
                .patch("/agreements/" + id).then()
                .statusCode(400).contentType("application/problem+json").body("type", notNullValue());
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"parties\": \"JP\"}")
                .post("/agreements").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("parties"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.TEXT).body("title=x")
                .post("/agreements").then().statusCode(415);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("title", "no version"))
                .patch("/agreements/" + id).then()
                .statusCode(400).body("errors[0].field", equalTo("expectedVersion"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{}")
                .post("/agreements").then().statusCode(400);
        given().auth().oauth2(TestTokens.admin()).get("/agreements/" + id).then()
                .body("title", equalTo("Test agreement " + id)).body("version", equalTo(0));
    }

    @Test
    void unknownKeysAre404() {
        given().auth().oauth2(TestTokens.admin()).get("/agreements/NOPE").then()
                .statusCode(404).contentType("application/problem+json").body("detail", equalTo("Agreement NOPE not found"));
        given().auth().oauth2(TestTokens.admin()).get("/commitments/CM-9999").then().statusCode(404);
        GraphQL.ok(TestTokens.admin(), "{ agreement(id: \"NOPE\") { id } }")
                .body("data.agreement", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    /** NUL and other control characters in a path or query parameter: 400 problem+json, never a database error. */
    @Test
    void controlCharactersInPathsAndQueryParametersAre400ProblemJson() {
        RestChecks.eachIs400ProblemJson(TestTokens.admin(),
                List.of("/agreements/%00", "/commitments/%00", "/agreements?party=%00",
                        "/agreements/AG%01/commitments"));
    }
}
