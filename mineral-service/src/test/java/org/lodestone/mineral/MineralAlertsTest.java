package org.lodestone.mineral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.testing.WebhookReceiver.newSecret;
import static org.lodestone.testing.WebhookReceiver.verify;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.lodestone.mineral.api.NewExportControl;
import org.lodestone.mineral.api.PriceInput;
import org.lodestone.mineral.service.ExportControlEndEvaluation;
import org.lodestone.mineral.service.ExportControlService;
import org.lodestone.mineral.service.PriceService;
import org.lodestone.support.alert.AlertKind;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;
import org.lodestone.testing.WebhookReceiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * EXPORT_CONTROL_ENDED and PRICE_MOVE are written with the change that causes them (or by the end evaluation, once),
 * and mineral-service's own webhooks deliver its alerts signed to a receiver the test starts.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@Order(7)
class MineralAlertsTest {

    private static final String REPLAY = """
            query Replay($since: DateTime, $kinds: [AlertKind], $countries: [String]) {
              exportControlAlerts(since: $since, kinds: $kinds, countries: $countries) {
                id kind countries exportControl { id } minerals { id } hitMembers { code }
                priceMove { mineral { id } series beforePeriod beforePrice afterPeriod afterPrice changePct }
              }
            }""";
    private static final String RECORD = """
            mutation Record($input: NewExportControl!) { recordExportControl(input: $input) { id } }""";
    private static final String REGISTER = """
            mutation Register($input: WebhookInput!) {
              registerExportControlWebhook(input: $input) { id url kinds countries ownerCountry registeredBy }
            }""";
    private static final String LIST = "{ exportControlWebhooks { id countries ownerCountry } }";
    private static final String DELETE = "mutation Delete($id: ID!) { deleteExportControlWebhook(id: $id) { id } }";
    private static final String DELIVERIES = """
            query Deliveries($id: ID!) {
              exportControlWebhookDeliveries(webhookId: $id) { eventId kind state attempts { httpStatus error } }
            }""";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first of the month three months ago: controls start there, so "before" and "after" months exist. */
    private static final YearMonth START = YearMonth.now(ZoneOffset.UTC).minusMonths(3);

    private static WebhookReceiver receiver;

    @Inject
    ExportControlService controls;

    @Inject
    ExportControlEndEvaluation endEvaluation;

    @Inject
    PriceService prices;

    @Inject
    OutboxEventRepository outbox;

    @Test
    void aControlsEndIsAlertedExactlyOnceEvenByTwoConcurrentEvaluations() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String since = OffsetDateTime.now(ZoneOffset.UTC).toString();
        QuarkusTransaction.requiringNew().run(() -> controls.record(new NewExportControl("EC-TEST-ENDS", "CN",
                List.of("tungsten"), List.of("JP", "BR"), false, "licence", null, START.atDay(1).toString(),
                today.toString(), null, null, "End test fixture", null), "coalition-analyst"));

        // in force through its end date: nothing yet
        endEvaluation.evaluate(today);
        assertEquals(0L, count(AlertKind.EXPORT_CONTROL_ENDED, "EC-TEST-ENDS"));

        // the day after, two replicas' evaluations at the same moment: one alert
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ExportControlEndEvaluation.Outcome>> runs = List.of(
                    pool.submit(() -> { go.await(); return endEvaluation.evaluate(today.plusDays(1)); }),
                    pool.submit(() -> { go.await(); return endEvaluation.evaluate(today.plusDays(1)); }));
            go.countDown();
            for (Future<ExportControlEndEvaluation.Outcome> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        endEvaluation.evaluate(today.plusDays(2));
        assertEquals(1L, count(AlertKind.EXPORT_CONTROL_ENDED, "EC-TEST-ENDS"));

        GraphQL.ok(TestTokens.member("JP"), REPLAY, Map.of("since", since, "kinds", List.of("EXPORT_CONTROL_ENDED")))
                .body("errors", nullValue())
                .body("data.exportControlAlerts", hasSize(1))
                .body("data.exportControlAlerts[0].exportControl.id", is("EC-TEST-ENDS"))
                .body("data.exportControlAlerts[0].minerals.id", contains("tungsten"))
                .body("data.exportControlAlerts[0].hitMembers.code", contains("JP"))
                .body("data.exportControlAlerts[0].priceMove", nullValue());
    }

    @Test
    void singlePriceWritesAlertOncePerThresholdStepAndDirection() {
        String since = OffsetDateTime.now(ZoneOffset.UTC).toString();
        String series = "Single-write test series " + UUID.randomUUID();
        record(price("germanium", START.minusMonths(1), "100", series));
        recordControl("EC-TEST-PM-ONE", "germanium");

        record(price("germanium", START, "105", series)); // +5%: below the threshold
        assertEquals(0L, count(AlertKind.PRICE_MOVE, "EC-TEST-PM-ONE"));
        record(price("germanium", START.plusMonths(1), "115", series)); // +15%: alert
        record(price("germanium", START.plusMonths(2), "118", series)); // +18%: the same step, no alert
        assertEquals(1L, count(AlertKind.PRICE_MOVE, "EC-TEST-PM-ONE"));
        record(price("germanium", START.plusMonths(2), "126", series)); // +26%: one step further
        record(price("germanium", START.plusMonths(3), "80", series)); // -20%: the other direction
        assertEquals(3L, count(AlertKind.PRICE_MOVE, "EC-TEST-PM-ONE"));

        GraphQL.ok(TestTokens.member("KR"), REPLAY, Map.of("since", since, "kinds", List.of("PRICE_MOVE")))
                .body("errors", nullValue())
                .body("data.exportControlAlerts.findAll { it.exportControl.id == 'EC-TEST-PM-ONE' }.priceMove.changePct",
                        contains(15.0f, 26.0f, -20.0f))
                .body("data.exportControlAlerts[0].priceMove.series", is(series))
                .body("data.exportControlAlerts[0].priceMove.beforePeriod", is(START.minusMonths(1).toString()))
                .body("data.exportControlAlerts[0].priceMove.beforePrice", is(100.0f))
                .body("data.exportControlAlerts[0].priceMove.afterPeriod", is(START.plusMonths(1).toString()))
                .body("data.exportControlAlerts[0].priceMove.afterPrice", is(115.0f))
                .body("data.exportControlAlerts[0].minerals.id", contains("germanium"))
                .body("data.exportControlAlerts[0].hitMembers.code", contains("KR"));
    }

    @Test
    void aRolledBackPriceWriteAlertsNothingAndLeavesTheStepFree() {
        String series = "Rollback test series " + UUID.randomUUID();
        record(price("antimony", START.minusMonths(1), "50", series));
        recordControl("EC-TEST-PM-ROLLBACK", "antimony");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            prices.record(price("antimony", START, "75", series));
            throw new IllegalStateException("something after the write fails");
        }));
        assertEquals(0L, count(AlertKind.PRICE_MOVE, "EC-TEST-PM-ROLLBACK"));
        record(price("antimony", START, "75", series)); // +50%, committed this time: alerted
        assertEquals(1L, count(AlertKind.PRICE_MOVE, "EC-TEST-PM-ROLLBACK"));
    }

    @Test
    void aBulkIngestAlertsOncePerControlAndMineralAfterItsRowsAreStored() throws Exception {
        String moving = "Bulk test series " + UUID.randomUUID();
        String calm = "Calm bulk test series " + UUID.randomUUID();
        recordControl("EC-TEST-PM-BULK", "cobalt");
        String header = "mineral,date,period_type,price,unit_currency,series,basis,source\n";
        String rows = row(START.minusMonths(1), "200", moving) + row(START, "210", moving)
                + row(START.plusMonths(1), "260", moving) + row(START.minusMonths(1), "200", calm)
                + row(START.plusMonths(1), "215", calm);

        // a bad row anywhere: nothing stored, nothing alerted
        given().auth().oauth2(TestTokens.analyst()).contentType("text/csv")
                .body(header + rows + "cobalt,not-a-month,month_or_point,1,USD/t,x,,Bulk test fixture\n")
                .post("/prices/bulk").then().statusCode(400);
        assertEquals(0L, count(AlertKind.PRICE_MOVE, "EC-TEST-PM-BULK"));

        given().auth().oauth2(TestTokens.analyst()).contentType("text/csv").body(header + rows)
                .post("/prices/bulk").then().statusCode(200).body("inserted", is(5));
        List<OutboxEvent> events = QuarkusTransaction.requiringNew().call(() -> outbox
                .list("kind = ?1 and entityId = ?2", AlertKind.PRICE_MOVE, "EC-TEST-PM-BULK"));
        assertEquals(1, events.size(), "one alert for the series that moved 30%, none for the calm one");
        JsonNode move = JSON.readTree(events.get(0).payload).get("priceMove");
        assertEquals(moving, move.get("series").asText(), move.toString());
        assertEquals(30.0, move.get("changePct").asDouble(), move.toString());
        assertEquals(START.plusMonths(1).toString(), move.get("afterPeriod").asText(), "the latest point of the series");
    }

    @Test
    void webhooksAreForAdminsAndMembersOfTheirOwnCountryAndMineralServicesKinds() {
        String secret = newSecret();
        GraphQL.ok(TestTokens.member("JP"), REGISTER, Map.of("input", input("rules", List.of("PRICE_MOVE"),
                List.of("DE"), secret))).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        GraphQL.ok(TestTokens.analyst(), REGISTER, Map.of("input", input("rules", List.of("PRICE_MOVE"),
                List.of(), secret))).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        GraphQL.ok(TestTokens.analyst(), LIST).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        GraphQL.ok(TestTokens.member("JP"), REGISTER, Map.of("input", input("rules", List.of("AGREEMENT_CREATED"),
                List.of(), secret))).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));

        String jp = GraphQL.ok(TestTokens.member("JP"), REGISTER, Map.of("input", input("rules",
                List.of("EXPORT_CONTROL_ENDED"), null, secret))).body("errors", nullValue())
                .body("data.registerExportControlWebhook.countries", contains("JP"))
                .body("data.registerExportControlWebhook.ownerCountry", is("JP"))
                .extract().path("data.registerExportControlWebhook.id");
        GraphQL.ok(TestTokens.member("DE"), LIST).body("data.exportControlWebhooks", empty());
        GraphQL.ok(TestTokens.member("DE"), DELETE, Map.of("id", jp)).body("errors[0].extensions.code", is("NOT_FOUND"));
        GraphQL.ok(TestTokens.member("JP"), LIST).body("data.exportControlWebhooks.id", contains(jp));
        GraphQL.ok(TestTokens.member("JP"), DELETE, Map.of("id", jp)).body("errors", nullValue());
    }

    @Test
    void aRecordedControlIsDeliveredSignedToTheWebhooksOfTheMembersItHits() throws Exception {
        String secret = newSecret();
        String jp = GraphQL.ok(TestTokens.admin(), REGISTER, Map.of("input", input("jp",
                List.of("EXPORT_CONTROL_RECORDED"), List.of("JP"), secret))).body("errors", nullValue())
                .extract().path("data.registerExportControlWebhook.id");
        String de = GraphQL.ok(TestTokens.member("DE"), REGISTER, Map.of("input", input("de",
                List.of("EXPORT_CONTROL_RECORDED"), null, newSecret()))).body("errors", nullValue())
                .extract().path("data.registerExportControlWebhook.id");
        try {
            GraphQL.ok(TestTokens.analyst(), RECORD, Map.of("input", Map.of("id", "EC-TEST-HOOK-JP",
                    "imposingCountry", "CN", "minerals", List.of("gallium"), "targets", List.of("JP"),
                    "measure", "ban", "effectiveOn", "2031-05-01", "source", "Webhook test fixture")))
                    .body("errors", nullValue());

            List<WebhookReceiver.Received> received = receiver.await("jp", 1,
                    r -> r.body().contains("EC-TEST-HOOK-JP"), Duration.ofSeconds(20));
            assertEquals(1, received.size(), received.toString());
            WebhookReceiver.Received delivery = received.get(0);
            assertTrue(verify(secret, delivery.id(), delivery.timestamp(), delivery.body(), delivery.signature()));
            assertFalse(verify(newSecret(), delivery.id(), delivery.timestamp(), delivery.body(), delivery.signature()));
            JsonNode body = JSON.readTree(delivery.body());
            assertEquals("EXPORT_CONTROL_RECORDED", body.get("kind").asText());
            assertEquals("ExportControl", body.at("/entity/type").asText());
            assertEquals("EC-TEST-HOOK-JP", body.at("/entity/id").asText());
            assertEquals("[\"JP\"]", body.at("/data/hitMembers").toString());

            await(() -> GraphQL.ok(TestTokens.admin(), DELIVERIES, Map.of("id", jp)).extract()
                    .path("data.exportControlWebhookDeliveries[0].state"), "DELIVERED");
            GraphQL.ok(TestTokens.admin(), DELIVERIES, Map.of("id", jp))
                    .body("data.exportControlWebhookDeliveries[0].eventId", is(delivery.id()))
                    .body("data.exportControlWebhookDeliveries[0].attempts.httpStatus", contains(200));
            // DE is not hit: its member's webhook gets nothing
            Thread.sleep(1500);
            assertEquals(List.of(), receiver.on("de").stream().filter(r -> r.body().contains("EC-TEST-HOOK-JP")).toList());
        } finally {
            GraphQL.ok(TestTokens.admin(), DELETE, Map.of("id", jp)).body("errors", nullValue());
            GraphQL.ok(TestTokens.admin(), DELETE, Map.of("id", de)).body("errors", nullValue());
        }
    }

    private static void await(java.util.function.Supplier<String> state, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!expected.equals(state.get()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(expected, state.get());
    }

    private static Map<String, Object> input(String path, List<String> kinds, List<String> countries, String secret) {
        Map<String, Object> input = new HashMap<>();
        input.put("url", receiver.url(path));
        input.put("kinds", kinds);
        input.put("countries", countries);
        input.put("secret", secret);
        return input;
    }

    private void recordControl(String id, String mineral) {
        QuarkusTransaction.requiringNew().run(() -> controls.record(new NewExportControl(id, "CN", List.of(mineral),
                List.of("KR"), false, "ban", null, START.atDay(1).toString(), null, null, null, "Price test fixture",
                null), "coalition-analyst"));
    }

    private void record(PriceInput input) {
        prices.record(input);
    }

    private static PriceInput price(String mineral, YearMonth month, String price, String series) {
        return new PriceInput(mineral, month.toString(), "month_or_point", new BigDecimal(price), "USD/kg", series, null,
                "Price test fixture");
    }

    private static String row(YearMonth month, String price, String series) {
        return "cobalt," + month + ",month_or_point," + price + ",USD/t," + series + ",,Bulk test fixture\n";
    }

    private long count(AlertKind kind, String control) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.count("kind = ?1 and entityId = ?2", kind, control));
    }

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }
}
