package org.lodestone.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * An agreement's type and a commitment's kind come from closed lists: anything else is refused with the allowed
 * values named, on both APIs, and nothing is written; any case is accepted and stored in the listed spelling.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class VocabularyTest {

    private static final String AGREEMENT_TYPE = """
            query($id: ID!) { agreement(id: $id) { type } }""";

    private static final String UPDATE = """
            mutation Update($id: ID!, $v: Int!, $input: AgreementPatch!) {
              updateAgreement(id: $id, expectedVersion: $v, input: $input) { type version }
            }""";

    @Test
    void anAgreementTypeOutsideTheListIsRefusedOnBothApisAndNothingIsStored() {
        String id = Fixtures.newId("type");
        Map<String, Object> input = agreementOfType(id, "../../etc/passwd");
        GraphQL.ok(TestTokens.admin(), Fixtures.CREATE, Map.of("input", input))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("type: must be one of: " + Agreement.TYPE_TERMS));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(input).post("/agreements").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'type' }.reason", equalTo("must be one of: " + Agreement.TYPE_TERMS));
        given().auth().oauth2(TestTokens.admin()).get("/agreements/" + id).then().statusCode(404);
    }

    @Test
    void anyCaseIsStoredInTheListedSpellingAndAPatchIsCheckedToo() {
        String id = Fixtures.newId("type");
        GraphQL.ok(TestTokens.admin(), Fixtures.CREATE, Map.of("input", agreementOfType(id, " mou ")))
                .body("errors", nullValue());
        GraphQL.ok(TestTokens.admin(), AGREEMENT_TYPE, Map.of("id", id)).body("data.agreement.type", equalTo("MOU"));

        GraphQL.ok(TestTokens.admin(), UPDATE, Map.of("id", id, "v", 0, "input", Map.of("type", "treaty")))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("type: must be one of: " + Agreement.TYPE_TERMS));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("If-Match", "0")
                .body(Map.of("type", "<script>")).patch("/agreements/" + id).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("type"));
        GraphQL.ok(TestTokens.admin(), UPDATE, Map.of("id", id, "v", 0, "input", Map.of("type", "Offtake")))
                .body("errors", nullValue())
                .body("data.updateAgreement.type", equalTo("offtake"))
                .body("data.updateAgreement.version", equalTo(1));
    }

    @Test
    void aCommitmentKindOutsideTheListIsRefusedOnBothApis() {
        String id = Fixtures.agreement("kind", "PUBLIC", "SIGNED", List.of("JP", "AU"), List.of("lithium"),
                "2026-01-01");
        Map<String, Object> input = new HashMap<>(Fixtures.commitmentInput("JP", 5.0, "USD", "2027-01-01"));
        input.put("kind", "SIDE_PAYMENT");
        GraphQL.ok(TestTokens.admin(), Fixtures.ADD_COMMITMENT, Map.of("agreementId", id, "input", input))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("kind: must be one of: " + Commitment.KIND_TERMS));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(input)
                .post("/agreements/" + id + "/commitments").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'kind' }.reason", equalTo("must be one of: " + Commitment.KIND_TERMS));
        given().auth().oauth2(TestTokens.admin()).get("/agreements/" + id + "/commitments").then()
                .statusCode(200).body("size()", equalTo(0));

        input.put("kind", "offtake");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(input)
                .post("/agreements/" + id + "/commitments").then()
                .statusCode(201).body("kind", equalTo("OFFTAKE"));
    }

    @Test
    void theSeedUsesOnlyListedValues() {
        given().auth().oauth2(TestTokens.admin()).get("/agreements").then().statusCode(200)
                .body("type", everyItem(in(Agreement.TYPES.terms())));
        given().auth().oauth2(TestTokens.admin()).get("/commitments").then().statusCode(200)
                .body("kind", everyItem(in(Commitment.KINDS.terms())));
    }

    @Test
    void theOpenApiDocumentNamesTheAllowedValues() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.NewAgreementCommand.properties.type.description",
                        containsString(Agreement.TYPE_TERMS))
                .body("components.schemas.AgreementPatchCommand.properties.type.description",
                        containsString(Agreement.TYPE_TERMS))
                .body("components.schemas.NewCommitmentCommand.properties.kind.description",
                        containsString(Commitment.KIND_TERMS));
    }

    private static Map<String, Object> agreementOfType(String id, String type) {
        Map<String, Object> input = Fixtures.agreementInput(id, "PUBLIC", "SIGNED", List.of("JP", "AU"),
                List.of("lithium"), "2026-01-01");
        input.put("type", type);
        return input;
    }
}
