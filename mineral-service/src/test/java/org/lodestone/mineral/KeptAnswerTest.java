package org.lodestone.mineral;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lodestone.support.cache.DataChanges;
import org.lodestone.support.cache.ResultCache;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A repeated GraphQL request is answered from memory before SmallRye GraphQL sees it (KeptAnswerRoute): with the
 * same bytes and media type as the first answer, only for the caller whose token it was kept for, never once the
 * data changed, and never past the token's expiry (authentication still runs first).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class KeptAnswerTest {

    private static final String CONTROLS = "{\"query\":\"{ exportControls { id measure } }\"}";
    private static final String ENTITIES = """
            {"query":"query($r: [_Any!]!) { _entities(representations: $r) { ... on Mineral { id name } } }",\
            "variables":{"r":[{"__typename":"Mineral","id":"gallium"},{"__typename":"Mineral","id":"germanium"}]}}""";

    @Inject
    ResultCache cache;

    @Inject
    DataChanges changes;

    @Test
    void aRepeatedRequestGetsTheSameBytesAndMediaTypeFromMemory() throws InterruptedException {
        String member = TestTokens.member("US");
        awaitKeeping(member);
        Response first = post(member, ENTITIES);
        long answered = cache.answerHits();
        Response again = post(member, ENTITIES);
        assertEquals(answered + 1, cache.answerHits(), "the repeated _entities request was answered from memory");
        assertEquals(200, again.statusCode());
        assertEquals(first.contentType(), again.contentType());
        assertArrayEquals(first.asByteArray(), again.asByteArray());
        assertTrue(again.asString().contains("\"name\":\"Gallium\""), again.asString());

        // an error is never kept: each such request runs again
        String broken = "{\"query\":\"{ mineral(id: \\\"gallium\\\") { noSuchField } }\"}";
        post(member, broken);
        answered = cache.answerHits();
        assertTrue(post(member, broken).asString().contains("\"errors\""));
        assertEquals(answered, cache.answerHits(), "an answer with errors is not kept");
    }

    @Test
    void anAnswerIsKeptForTheTokenThatAskedOnly() throws InterruptedException {
        String us = TestTokens.member("US");
        String jp = TestTokens.member("JP");
        awaitKeeping(us);
        post(us, CONTROLS);
        long answered = cache.answerHits();
        post(jp, CONTROLS);
        assertEquals(answered, cache.answerHits(), "another caller's first request is not answered from memory");
        post(jp, CONTROLS);
        assertEquals(answered + 1, cache.answerHits(), "that caller's own repeated request is");
    }

    @Test
    void aWriteIsSeenByTheNextRequest() throws InterruptedException {
        String analyst = TestTokens.analyst();
        awaitKeeping(analyst);
        int before = controls(analyst);
        long answered = cache.answerHits();
        assertEquals(before, controls(analyst));
        assertEquals(answered + 1, cache.answerHits(), "the repeated request was answered from memory");

        String id = GraphQL.ok(analyst, """
                mutation { recordExportControl(input: { imposingCountry: "CN", measure: "licence",
                  minerals: ["germanium"], source: "Kept answer test, 2026", effectiveOn: "2026-02-01",
                  targetsAll: true }) { id } }""").extract().jsonPath().getString("data.recordExportControl.id");
        assertTrue(id != null && !id.isBlank(), "recorded");
        assertEquals(before + 1, controls(analyst), "the next read sees the write, at once");
    }

    @Test
    void anExpiredTokenIsRefusedThoughItsAnswerIsKept() throws InterruptedException {
        String member = TestTokens.member("DE");
        awaitKeeping(member);
        String shortLived = TestTokens.memberExpiringIn("DE", Duration.ofSeconds(1));
        post(shortLived, CONTROLS);
        long answered = cache.answerHits();
        assertEquals(200, post(shortLived, CONTROLS).statusCode());
        assertEquals(answered + 1, cache.answerHits(), "kept for the short-lived token");

        // the verifier allows a minute of clock skew after expiry: wait until it refuses the token for another request
        String other = "{\"query\":\"{ minerals { name } }\"}";
        long until = System.nanoTime() + 90_000_000_000L;
        while (post(shortLived, other).statusCode() == 200 && System.nanoTime() < until) {
            Thread.sleep(1_000);
        }
        answered = cache.answerHits();
        Response late = post(shortLived, CONTROLS);
        assertEquals(401, late.statusCode(), late.asString());
        assertEquals(answered, cache.answerHits(), "nothing answered from memory after the token expired");
    }

    @Test
    void hitsMissesAndKeptAnswersAreCountedOnTheMetricsEndpoint() throws InterruptedException {
        String member = TestTokens.member("CA");
        awaitKeeping(member);
        String body = "{\"query\":\"{ mineral(id: \\\"antimony\\\") { id name } }\"}";
        double hits = keptAnswers("hit");
        double misses = keptAnswers("miss");
        double kept = keptAnswers("kept");
        post(member, body);
        assertEquals(misses + 1, keptAnswers("miss"), "a first request is a miss");
        assertEquals(kept + 1, keptAnswers("kept"), "and its answer is kept");
        post(member, body);
        post(member, body);
        assertEquals(hits + 2, keptAnswers("hit"), "repeats are hits");
        assertEquals(misses + 1, keptAnswers("miss"), "and no misses");
    }

    /** The value of lodestone_graphql_kept_answers_total{outcome=...} on /q/metrics (no token needed there). */
    private static double keptAnswers(String outcome) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("(?m)^lodestone_graphql_kept_answers_total\\{[^}]*outcome=\"" + outcome
                + "\"[^}]*\\}\\s+(\\S+)").matcher(metrics);
        assertTrue(value.find(), "lodestone_graphql_kept_answers_total{outcome=\"" + outcome + "\"} on /q/metrics");
        return Double.parseDouble(value.group(1));
    }

    /** Answers are kept once the instance hears data changes; the first requests of a test run may come before. */
    private void awaitKeeping(String token) throws InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        String probe = "{\"query\":\"{ minerals { id } }\"}";
        while (System.nanoTime() < until) {
            long answered = cache.answerHits();
            post(token, probe);
            post(token, probe);
            if (cache.answerHits() > answered) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no answer kept within 30 s (data version " + changes.version() + ")");
    }

    private static int controls(String token) {
        Response response = post(token, CONTROLS);
        assertEquals(200, response.statusCode(), response.asString());
        return response.jsonPath().getList("data.exportControls").size();
    }

    private static Response post(String token, String body) {
        return given().contentType(ContentType.JSON).auth().oauth2(token).body(body).when().post("/graphql")
                .andReturn();
    }
}
