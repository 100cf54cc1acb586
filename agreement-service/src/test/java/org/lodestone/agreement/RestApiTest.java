package org.lodestone.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** REST filters and lookups on the seeded data, plus the commitment filters and tracker of the GraphQL API. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RestApiTest {

    @Test
    void agreementFilters() {
        String token = TestTokens.member("DE");
        given().auth().oauth2(token).get("/agreements?party=KR").then().statusCode(200)
                // other test classes may add "T-" agreements to the shared database
                .body("findAll { !it.id.startsWith('T-') }.id", containsInAnyOrder("AG-AU-KR-2021-MOU", "AG-MSP-2022", "AG-KR-US-2025-KZLM"));
        given().auth().oauth2(token).get("/agreements?mineral=gallium").then().statusCode(200)
                .body("id", hasItem("AG-US-AU-2025-FW"))
                .body("id", not(hasItem("AG-US-JP-2023-CMA")));
        given().auth().oauth2(token).get("/agreements?status=IN_FORCE").then().statusCode(200)
                .body("id", hasItem("AG-US-JP-2023-CMA")).body("status", everyItem(equalTo("IN_FORCE")));
        given().auth().oauth2(token).get("/agreements?type=offtake&party=JP").then().statusCode(200)
                .body("id", contains("AG-JP-AU-2023-LYNAS"));
        given().auth().oauth2(token).get("/agreements?visibility=PUBLIC&party=UA").then().statusCode(200)
                .body("id", contains("AG-US-UA-2025-RIF"));
        given().auth().oauth2(token).get("/agreements?ids=AG-MSP-2022&ids=NOPE,AG-G7-2025-CMAP").then().statusCode(200)
                .body("id", contains("AG-MSP-2022", "AG-G7-2025-CMAP"));
        given().auth().oauth2(token).get("/agreements/AG-MSP-2022").then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("parties", hasSize(15))
                .body("source.refs", contains("S55", "S56"));
    }

    @Test
    void commitmentFilters() {
        String token = TestTokens.member("DE");
        given().auth().oauth2(token).get("/agreements/AG-G7-2025-CMAP/commitments").then().statusCode(200)
                .body("obligor", containsInAnyOrder("US", "JP", "DE", "FR", "GB", "IT", "CA", "EU"))
                .body("dueOn", everyItem(equalTo("2025-12-31")))
                .body("status", everyItem(equalTo("NOT_MEASURABLE")));
        given().auth().oauth2(token).get("/commitments?obligor=IN&agreement=AG-AU-IN-2022-CMIP").then().statusCode(200)
                .body("targetAmount", contains(3000000.0f)).body("currency", contains("USD"));
        given().auth().oauth2(token).get("/commitments?status=OVERDUE&obligor=AU&agreement=AG-AU-IN-2022-CMIP").then()
                .statusCode(200).body("id", hasSize(1)).body("dueOn", contains("2025-07-04"));
        given().auth().oauth2(token).get("/commitments?dueBefore=2025-01-01&agreement=AG-EU-AU-2024-MOU").then()
                .statusCode(200).body("obligor", containsInAnyOrder("EU", "AU"));
        given().auth().oauth2(token).get("/commitments?dueBefore=2024-11-28&agreement=AG-EU-AU-2024-MOU").then()
                .statusCode(200).body("", hasSize(0));
    }

    @Test
    void dueWithinDaysAndTheTracker() {
        String id = Fixtures.agreement("due", "COALITION", "IN_FORCE", List.of("KR", "AU"), List.of("graphite"),
                "2026-01-01");
        String soon = Fixtures.commitment(id, "KR", 50.0, "USD", LocalDate.now().plusDays(10).toString());
        String later = Fixtures.commitment(id, "AU", 50.0, "USD", LocalDate.now().plusDays(400).toString());
        GraphQL.ok(TestTokens.member("KR"), "query($a: ID!) { commitments(filter: {agreement: $a, dueWithinDays: 30}) { id } }",
                Map.of("a", id))
                .body("errors", nullValue()).body("data.commitments.id", contains(soon));
        given().auth().oauth2(TestTokens.member("KR")).get("/commitments?dueWithinDays=30&agreement=" + id).then()
                .statusCode(200).body("id", contains(soon));
        GraphQL.ok(TestTokens.member("KR"), """
                { commitmentsDashboard(dueWithinDays: 30) {
                    total byStatus { status count }
                    byAgreement { key total byStatus { status count } }
                    byObligor { key total }
                    dueSoon { id } } }""")
                .body("errors", nullValue())
                .body("data.commitmentsDashboard.total", greaterThanOrEqualTo(33))
                .body("data.commitmentsDashboard.dueSoon.id", hasItem(soon))
                .body("data.commitmentsDashboard.dueSoon.id", not(hasItem(later)))
                .body("data.commitmentsDashboard.byAgreement.find { it.key == '%s' }.total".formatted(id), equalTo(2))
                .body("data.commitmentsDashboard.byAgreement.find { it.key == 'AG-US-AU-2025-FW' }.byStatus"
                        + ".find { it.status == 'OVERDUE' }.count", equalTo(2))
                .body("data.commitmentsDashboard.byObligor.key", hasItems("KR", "AU", "US", "JP"));
        // a caller who cannot see the COALITION agreement does not count its commitments
        GraphQL.ok(TestTokens.noRole(), "{ commitmentsDashboard { total byAgreement { key } } }")
                .body("data.commitmentsDashboard.byAgreement.key", not(hasItem(id)));
        given().auth().oauth2(TestTokens.noRole()).get("/commitments/dashboard").then().statusCode(200)
                .body("byAgreement.key", not(hasItem(id)))
                .body("total", lessThan(1000));
    }

    @Test
    void oversizedBodiesAre413Problems() {
        String huge = "{\"title\":\"" + "x".repeat(1_100_000) + "\"}";
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(huge).post("/agreements").then()
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }
}
