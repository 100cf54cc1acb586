package org.lodestone.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Each kind of change, its audit event, optimistic locking and concurrent writers. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AgreementChangesTest {

    static final String UPDATE = """
            mutation Update($id: ID!, $v: Int!, $input: AgreementPatch!) {
              updateAgreement(id: $id, expectedVersion: $v, input: $input) { id title version visibility }
            }""";

    static final String REPORT = """
            mutation Report($id: ID!, $input: ProgressInput!) {
              reportProgress(commitmentId: $id, input: $input) {
                id status progressToDate fulfilledPct progress { reportedAmount asOf note reporterCountry { code } }
              }
            }""";

    static final String HISTORY = """
            query History($id: ID!) { agreement(id: $id) { history { entity entityId operation subject country before after reason } } }""";

    @Test
    void createAgreementIsAudited() {
        String id = Fixtures.agreement("create", "COALITION", "SIGNED", List.of("JP", "AU"), List.of("gallium"),
                "2026-02-01");
        GraphQL.ok(TestTokens.admin(), HISTORY, Map.of("id", id))
                .body("errors", nullValue())
                .body("data.agreement.history", hasSize(1))
                .body("data.agreement.history[0].operation", equalTo("CREATE"))
                .body("data.agreement.history[0].subject", equalTo("sub-coalition-admin"))
                .body("data.agreement.history[0].before", nullValue())
                .body("data.agreement.history[0].after", containsString("\"visibility\": \"COALITION\""));
    }

    @Test
    void updateBumpsTheVersionAndRecordsBeforeAndAfter() {
        String id = Fixtures.agreement("upd", "PUBLIC", "SIGNED", List.of("JP", "AU"), List.of("gallium"), "2026-02-01");
        GraphQL.ok(TestTokens.admin(), UPDATE, Map.of("id", id, "v", 0, "input", Map.of("title", "Renamed")))
                .body("errors", nullValue())
                .body("data.updateAgreement.title", equalTo("Renamed"))
                .body("data.updateAgreement.version", equalTo(1));
        GraphQL.ok(TestTokens.admin(), HISTORY, Map.of("id", id))
                .body("data.agreement.history", hasSize(2))
                .body("data.agreement.history[1].operation", equalTo("UPDATE"))
                .body("data.agreement.history[1].before", containsString("Test agreement " + id))
                .body("data.agreement.history[1].after", containsString("\"title\": \"Renamed\""));
    }

    @Test
    void staleVersionIsAConflictAndChangesNothing() {
        String id = Fixtures.agreement("stale", "PUBLIC", "SIGNED", List.of("JP", "AU"), List.of("gallium"), "2026-02-01");
        GraphQL.ok(TestTokens.admin(), UPDATE, Map.of("id", id, "v", 0, "input", Map.of("title", "First")))
                .body("errors", nullValue());
        GraphQL.ok(TestTokens.admin(), UPDATE, Map.of("id", id, "v", 0, "input", Map.of("title", "Second")))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("VERSION_CONFLICT"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("title", "Third")).patch("/agreements/" + id).then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", containsString("version-conflict"));
        given().auth().oauth2(TestTokens.admin()).get("/agreements/" + id).then()
                .statusCode(200).header("ETag", containsString("1"))
                .body("title", equalTo("First")).body("version", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).get("/agreements/" + id + "/history").then().body("", hasSize(2));
    }

    @Test
    void restPatchWithIfMatchOrBodyVersion() {
        String id = Fixtures.agreement("patch", "PUBLIC", "SIGNED", List.of("JP", "AU"), List.of("gallium"), "2026-02-01");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("summary", "via If-Match")).patch("/agreements/" + id).then()
                .statusCode(200).body("version", equalTo(1)).body("summary", equalTo("via If-Match"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("expectedVersion", 1, "visibility", "PARTIES")).put("/agreements/" + id).then()
                .statusCode(200).body("version", equalTo(2)).body("visibility", equalTo("PARTIES"));
    }

    @Test
    void concurrentUpdatesWithTheSameVersionLetExactlyOneWin() throws Exception {
        String id = Fixtures.agreement("race", "PUBLIC", "SIGNED", List.of("JP", "AU"), List.of("gallium"), "2026-02-01");
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String title = "Writer " + i;
                Callable<String> writer = () -> {
                    start.await();
                    var response = GraphQL.ok(TestTokens.admin(), UPDATE,
                            Map.of("id", id, "v", 0, "input", Map.of("title", title))).extract();
                    String code = response.path("errors[0].extensions.code");
                    return code == null ? "OK" : code;
                };
                results.add(pool.submit(writer));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            assertEquals(1, outcomes.stream().filter("OK"::equals).count(), outcomes.toString());
            assertEquals(writers - 1, outcomes.stream().filter("VERSION_CONFLICT"::equals).count(), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(TestTokens.admin()).get("/agreements/" + id + "/history").then()
                .body("findAll { it.operation == 'UPDATE' }", hasSize(1));
        given().auth().oauth2(TestTokens.admin()).get("/agreements/" + id).then().body("version", equalTo(1));
    }

    @Test
    void commitmentAndProgressAreAuditedAndDriveTheStatus() {
        String id = Fixtures.agreement("prog", "PARTIES", "IN_FORCE", List.of("JP", "AU"), List.of("gallium"),
                "2026-01-01");
        String commitment = Fixtures.commitment(id, "JP", 1000.0, "USD", "2030-12-31");
        GraphQL.ok(TestTokens.member("JP"), REPORT, Map.of("id", commitment,
                "input", Map.of("amount", 400.0, "asOf", "2026-06-30", "note", "first tranche")))
                .body("errors", nullValue())
                .body("data.reportProgress.progressToDate", equalTo(400.0f))
                .body("data.reportProgress.fulfilledPct", equalTo(40.0f))
                .body("data.reportProgress.status", equalTo("ON_TRACK"))
                .body("data.reportProgress.progress[0].reporterCountry.code", equalTo("JP"));
        GraphQL.ok(TestTokens.admin(), REPORT, Map.of("id", commitment,
                "input", Map.of("amount", 1000.0, "asOf", "2026-09-30")))
                .body("errors", nullValue())
                .body("data.reportProgress.status", equalTo("FULFILLED"))
                .body("data.reportProgress.fulfilledPct", equalTo(100.0f))
                .body("data.reportProgress.progress", hasSize(2));
        GraphQL.ok(TestTokens.admin(), HISTORY, Map.of("id", id))
                .body("data.agreement.history", hasSize(4))
                .body("data.agreement.history[1].entity", equalTo("COMMITMENT"))
                .body("data.agreement.history[1].operation", equalTo("CREATE"))
                .body("data.agreement.history[1].entityId", equalTo(commitment))
                .body("data.agreement.history[2].entity", equalTo("PROGRESS_REPORT"))
                .body("data.agreement.history[2].subject", equalTo("sub-jp-member"))
                .body("data.agreement.history[2].country", equalTo("JP"))
                .body("data.agreement.history[2].before", containsString("\"status\": \"ON_TRACK\""))
                .body("data.agreement.history[2].after", containsString("\"progress\": 400.0"))
                .body("data.agreement.history[3].after", containsString("\"status\": \"FULFILLED\""));
    }

    @Test
    void restWritesReturnCreatedAndWorkLikeGraphQL() {
        Map<String, Object> input = Fixtures.agreementInput(Fixtures.newId("rest"), "PUBLIC", "IN_FORCE",
                List.of("US", "AU"), List.of("rare_earths"), "2026-01-10");
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(input)
                .post("/agreements").then().statusCode(201).header("Location", notNullValue())
                .body("version", equalTo(0)).extract().path("id");
        String commitment = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("obligor", "AU", "kind", "OFFTAKE", "description", "Ship oxide", "mineral", "rare_earths",
                        "targetQuantity", 500, "unit", "t REO", "dueOn", "2030-01-01"))
                .post("/agreements/" + id + "/commitments").then().statusCode(201)
                // signed 2026-01-10, due 2030-01-01: with nothing delivered ~22% into the window it lags > 20 points
                .body("status", equalTo("AT_RISK")).extract().path("id");
        given().auth().oauth2(TestTokens.member("AU")).contentType(ContentType.JSON)
                .body(Map.of("quantity", 500, "asOf", "2026-03-01"))
                .post("/commitments/" + commitment + "/progress").then().statusCode(201)
                .body("status", equalTo("FULFILLED"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("status", "SUSPENDED", "expectedVersion", 0, "reason", "dispute"))
                .post("/agreements/" + id + "/status").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        given().auth().oauth2(TestTokens.admin()).get("/agreements/" + id + "/history").then().statusCode(200)
                .body("operation", contains("CREATE", "CREATE", "REPORT_PROGRESS", "STATUS_CHANGE"));
    }
}
