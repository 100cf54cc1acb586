package org.lodestone.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Walks agreements through the life cycle through the API: every allowed move, and refused ones. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class StatusMachineTest {

    static final String CHANGE = """
            mutation Change($id: ID!, $v: Int!, $s: AgreementStatus!, $r: String) {
              changeAgreementStatus(id: $id, expectedVersion: $v, status: $s, reason: $r) { id status version }
            }""";

    /** Each path starts at DRAFT; together they use all 9 allowed moves. */
    @ParameterizedTest
    @CsvSource({
            "NEGOTIATING SIGNED IN_FORCE SUSPENDED IN_FORCE EXPIRED",
            "NEGOTIATING SIGNED IN_FORCE TERMINATED",
            "NEGOTIATING SIGNED IN_FORCE SUSPENDED TERMINATED",
            "NEGOTIATING SIGNED IN_FORCE SUSPENDED EXPIRED" })
    void allowedPathsSucceedAndEachMoveIsAudited(String path) {
        String id = Fixtures.agreement("sm", "PUBLIC", "DRAFT", List.of("JP", "AU"), List.of("lithium"), "2026-01-15");
        int version = 0;
        List<String> moves = List.of(path.split(" "));
        for (String to : moves) {
            GraphQL.ok(TestTokens.admin(), CHANGE, Map.of("id", id, "v", version, "s", to, "r", "test move to " + to))
                    .body("errors", nullValue())
                    .body("data.changeAgreementStatus.status", equalTo(to))
                    .body("data.changeAgreementStatus.version", equalTo(version + 1));
            version++;
        }
        given().auth().oauth2(TestTokens.admin()).get("/agreements/" + id + "/history").then().statusCode(200)
                .body("", hasSize(1 + moves.size()))
                .body("findAll { it.operation == 'STATUS_CHANGE' }", hasSize(moves.size()))
                .body("[1].reason", equalTo("test move to NEGOTIATING"))
                .body("[1].before", containsString("\"status\": \"DRAFT\""))
                .body("[1].after", containsString("\"status\": \"NEGOTIATING\""));
    }

    /** start status (reached through allowed moves), refused target. */
    @ParameterizedTest
    @CsvSource({
            "DRAFT, SIGNED", "DRAFT, IN_FORCE", "DRAFT, DRAFT", "DRAFT, TERMINATED",
            "NEGOTIATING, IN_FORCE", "NEGOTIATING, DRAFT",
            "SIGNED, SUSPENDED", "SIGNED, NEGOTIATING", "SIGNED, EXPIRED",
            "IN_FORCE, SIGNED", "IN_FORCE, IN_FORCE", "IN_FORCE, DRAFT",
            "SUSPENDED, SIGNED", "SUSPENDED, SUSPENDED",
            "TERMINATED, IN_FORCE", "TERMINATED, SUSPENDED",
            "EXPIRED, IN_FORCE", "EXPIRED, TERMINATED" })
    void refusedMovesChangeNothing(String from, String to) {
        String id = Fixtures.agreement("smx", "PUBLIC", "DRAFT", List.of("JP", "AU"), List.of("lithium"), "2026-01-15");
        int version = 0;
        for (String step : pathTo(from)) {
            GraphQL.ok(TestTokens.admin(), CHANGE, Map.of("id", id, "v", version++, "s", step)).body("errors", nullValue());
        }
        GraphQL.ok(TestTokens.admin(), CHANGE, Map.of("id", id, "v", version, "s", to))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("from " + from + " to " + to));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("status", to, "expectedVersion", version))
                .post("/agreements/" + id + "/status").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("from " + from + " to " + to));
        given().auth().oauth2(TestTokens.admin()).get("/agreements/" + id).then()
                .body("status", equalTo(from)).body("version", equalTo(version));
        given().auth().oauth2(TestTokens.admin()).get("/agreements/" + id + "/history").then()
                .body("", hasSize(1 + version));
    }

    private static List<String> pathTo(String status) {
        return switch (status) {
            case "DRAFT" -> List.of();
            case "NEGOTIATING" -> List.of("NEGOTIATING");
            case "SIGNED" -> List.of("NEGOTIATING", "SIGNED");
            case "IN_FORCE" -> List.of("NEGOTIATING", "SIGNED", "IN_FORCE");
            case "SUSPENDED" -> List.of("NEGOTIATING", "SIGNED", "IN_FORCE", "SUSPENDED");
            case "TERMINATED" -> List.of("NEGOTIATING", "SIGNED", "IN_FORCE", "TERMINATED");
            case "EXPIRED" -> List.of("NEGOTIATING", "SIGNED", "IN_FORCE", "EXPIRED");
            default -> throw new IllegalArgumentException(status);
        };
    }
}
