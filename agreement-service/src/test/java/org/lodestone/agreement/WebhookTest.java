package org.lodestone.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.testing.WebhookReceiver.newSecret;
import static org.lodestone.testing.WebhookReceiver.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lodestone.agreement.service.AgreementWebhookAudience;
import org.lodestone.support.webhook.WebhookConfig;
import org.lodestone.testing.WebhookReceiver;
import org.lodestone.support.webhook.RetrySchedule;
import org.lodestone.support.webhook.SecretBox;
import org.lodestone.support.webhook.TargetUrlPolicy;
import org.lodestone.support.webhook.WebhookDeliverer;
import org.lodestone.support.webhook.WebhookSettings;
import org.lodestone.support.webhook.OutboxRecord;
import org.lodestone.support.webhook.WebhookTarget;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * Signed webhooks end to end inside the service: a real HTTP receiver on a free port, the real database, the real
 * deliverer (the test profile shortens its retry window to 3 s).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class WebhookTest {

    static final String REGISTER = """
            mutation Register($input: WebhookInput!) {
              registerWebhook(input: $input) { id url kinds countries ownerCountry registeredBy createdAt }
            }""";
    static final String LIST = "{ webhooks { id url countries ownerCountry } }";
    static final String DELETE = "mutation Delete($id: ID!) { deleteWebhook(id: $id) { id } }";
    static final String DELIVERIES = """
            query Deliveries($id: ID!, $state: WebhookDeliveryState) {
              webhookDeliveries(webhookId: $id, state: $state) {
                id eventId kind state createdAt nextAttemptAt completedAt
                attempts { number attemptedAt httpStatus responseExcerpt error durationMs }
              }
            }""";
    static final String CHANGE_STATUS = """
            mutation Status($id: ID!, $v: Int!) {
              changeAgreementStatus(id: $id, expectedVersion: $v, status: IN_FORCE, reason: "ratified") { version }
            }""";
    static final String ALERT_IDS = """
            query Alerts($since: DateTime) { agreementAlerts(since: $since) { id kind ... on AgreementAlert { agreement { id } } } }""";

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebhookReceiver receiver;

    @Inject
    DataSource dataSource;

    @Inject
    AgreementWebhookAudience audience;

    @Inject
    WebhookConfig config;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void deleteWebhooks() {
        // webhooks left registered would keep receiving other tests' events: delete them all
        List<String> ids = GraphQL.ok(TestTokens.admin(), LIST).extract().path("data.webhooks.id");
        ids.forEach(id -> GraphQL.ok(TestTokens.admin(), DELETE, Map.of("id", id)).body("errors", nullValue()));
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    static Map<String, Object> input(String url, List<String> kinds, List<String> countries, String secret) {
        Map<String, Object> input = new HashMap<>();
        input.put("url", url);
        input.put("kinds", kinds);
        input.put("countries", countries);
        input.put("secret", secret);
        return input;
    }

    private static String register(String token, String path, List<String> kinds, List<String> countries, String secret) {
        return GraphQL.ok(token, REGISTER, Map.of("input", input(receiver.url(path), kinds, countries, secret)))
                .body("errors", nullValue()).extract().path("data.registerWebhook.id");
    }

    @Test
    void theVerifierAgreesWithTheStandardWebhooksExample() throws Exception {
        assertTrue(verify("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
                "{\"test\": 2432232314}", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
        assertFalse(verify("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265331",
                "{\"test\": 2432232314}", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    @Test
    void aCommittedChangeArrivesSignedAndIsDelivered() throws Exception {
        String secret = newSecret();
        String since = OffsetDateTime.now().toString();
        String webhook = register(TestTokens.admin(), "signed", List.of("AGREEMENT_CREATED", "AGREEMENT_STATUS_CHANGED"),
                List.of("JP"), secret);
        String agreement = Fixtures.agreement("hook-signed", "PUBLIC", "SIGNED", List.of("JP", "AU"),
                List.of("gallium"), "2026-01-10");
        List<WebhookReceiver.Received> received = receiver.await("signed", 1, r -> r.body().contains(agreement), WAIT);
        assertEquals(1, received.size(), received.toString());
        WebhookReceiver.Received delivery = received.get(0);
        assertTrue(verify(secret, delivery.id(), delivery.timestamp(), delivery.body(), delivery.signature()),
                "signature " + delivery.signature() + " over " + delivery.body());
        assertFalse(verify(newSecret(), delivery.id(), delivery.timestamp(), delivery.body(), delivery.signature()));
        long age = Instant.now().getEpochSecond() - Long.parseLong(delivery.timestamp());
        assertTrue(age >= 0 && age < 60, "webhook-timestamp is the unix time of the attempt: " + delivery.timestamp());

        JsonNode body = JSON.readTree(delivery.body());
        assertEquals(delivery.id(), body.get("id").asText());
        assertEquals("AGREEMENT_CREATED", body.get("kind").asText());
        assertEquals("Agreement", body.at("/entity/type").asText());
        assertEquals(agreement, body.at("/entity/id").asText());
        assertEquals("[\"JP\",\"AU\"]", body.get("countries").toString());
        assertEquals(agreement, body.at("/data/agreement").asText());
        // the webhook-id is the outbox event's id, the one alert replay returns
        List<String> alertIds = GraphQL.ok(TestTokens.admin(), ALERT_IDS, Map.of("since", since))
                .extract().path("data.agreementAlerts.findAll { it.agreement?.id == '%s' }.id".formatted(agreement));
        assertEquals(List.of(delivery.id()), alertIds);

        ValidatableResponse deliveries = awaitState(webhook, "DELIVERED", 1);
        deliveries.body("data.webhookDeliveries[0].eventId", equalTo(delivery.id()))
                .body("data.webhookDeliveries[0].kind", equalTo("AGREEMENT_CREATED"))
                .body("data.webhookDeliveries[0].attempts.httpStatus", equalTo(List.of(200)))
                .body("data.webhookDeliveries[0].attempts[0].responseExcerpt", equalTo("thanks"))
                .body("data.webhookDeliveries[0].attempts[0].error", nullValue())
                .body("data.webhookDeliveries[0].completedAt", not(nullValue()));
    }

    @Test
    void twoFailuresThenSuccessMeansThreeAttemptsWithTheSameWebhookId() throws Exception {
        String secret = newSecret();
        receiver.answer("flaky", 500, 500, 200);
        String webhook = register(TestTokens.member("JP"), "flaky", List.of("AGREEMENT_CREATED"), null, secret);
        String agreement = Fixtures.agreement("hook-flaky", "COALITION", "SIGNED", List.of("JP", "US"),
                List.of("gallium"), "2026-01-10");
        List<WebhookReceiver.Received> received = receiver.await("flaky", 3, r -> r.body().contains(agreement), WAIT);
        assertEquals(List.of(500, 500, 200), received.stream().map(WebhookReceiver.Received::answered).toList());
        assertEquals(1, received.stream().map(WebhookReceiver.Received::id).distinct().count(), received.toString());
        assertEquals(1, received.stream().map(WebhookReceiver.Received::body).distinct().count());
        for (WebhookReceiver.Received r : received) {
            assertTrue(verify(secret, r.id(), r.timestamp(), r.body(), r.signature()));
        }
        awaitState(webhook, "DELIVERED", 1)
                .body("data.webhookDeliveries[0].eventId", equalTo(received.get(0).id()))
                .body("data.webhookDeliveries[0].attempts.number", equalTo(List.of(1, 2, 3)))
                .body("data.webhookDeliveries[0].attempts.httpStatus", equalTo(List.of(500, 500, 200)))
                .body("data.webhookDeliveries[0].attempts[0].error", equalTo("HTTP 500"))
                .body("data.webhookDeliveries[0].attempts[0].responseExcerpt", containsString("receiver error 500"))
                .body("data.webhookDeliveries[0].attempts[0].responseExcerpt.length()", equalTo(203))
                .body("data.webhookDeliveries[0].attempts[2].error", nullValue());
        Thread.sleep(1500); // nothing more is sent once DELIVERED
        assertEquals(3, receiver.on("flaky").stream().filter(r -> r.body().contains(agreement)).count());
    }

    @Test
    void aDeliveryThatNeverSucceedsIsFailedAfterTheRetryWindow() throws Exception {
        receiver.alwaysAnswer("down", 503);
        String webhook = register(TestTokens.admin(), "down", List.of("AGREEMENT_CREATED"), List.of("KR"), newSecret());
        String agreement = Fixtures.agreement("hook-down", "PUBLIC", "SIGNED", List.of("KR", "US"),
                List.of("gallium"), "2026-01-10");
        ValidatableResponse failed = awaitState(webhook, "FAILED", 1);
        List<Integer> statuses = failed.extract().path("data.webhookDeliveries[0].attempts.httpStatus");
        assertTrue(statuses.size() >= 3 && statuses.stream().allMatch(s -> s == 503), statuses.toString());
        failed.body("data.webhookDeliveries[0].nextAttemptAt", nullValue())
                .body("data.webhookDeliveries[0].completedAt", not(nullValue()));
        int sent = receiver.on("down").size();
        assertEquals(statuses.size(), receiver.on("down").stream().filter(r -> r.body().contains(agreement)).count());
        Thread.sleep(1500); // a FAILED delivery is not sent again
        assertEquals(sent, receiver.on("down").size());
        // a refused connection is an attempt too, with the error and no status
        String closed = GraphQL.ok(TestTokens.admin(), REGISTER, Map.of("input", input("http://127.0.0.1:9/nothing",
                List.of("AGREEMENT_CREATED"), List.of("MX"), newSecret()))).body("errors", nullValue())
                .extract().path("data.registerWebhook.id");
        Fixtures.agreement("hook-closed", "PUBLIC", "SIGNED", List.of("MX"), List.of("gallium"), "2026-01-10");
        awaitState(closed, "FAILED", 1).body("data.webhookDeliveries[0].attempts[0].httpStatus", nullValue())
                .body("data.webhookDeliveries[0].attempts[0].error", containsString("connect"));
    }

    @Test
    void aPartiesAgreementsEventsReachOnlyItsPartiesAndAdminsWebhooks() throws Exception {
        String jp = register(TestTokens.member("JP"), "parties-jp", List.of("AGREEMENT_STATUS_CHANGED"), List.of("JP"),
                newSecret());
        register(TestTokens.member("DE"), "parties-de", List.of("AGREEMENT_STATUS_CHANGED"), null, newSecret());
        register(TestTokens.admin(), "parties-admin", List.of("AGREEMENT_STATUS_CHANGED"), List.of(), newSecret());
        String hidden = Fixtures.agreement("hook-parties", "PARTIES", "SIGNED", List.of("JP", "AU"), List.of("gallium"),
                "2026-01-10");
        String open = Fixtures.agreement("hook-open", "PUBLIC", "SIGNED", List.of("JP", "DE"), List.of("gallium"),
                "2026-01-10");
        GraphQL.ok(TestTokens.admin(), CHANGE_STATUS, Map.of("id", hidden, "v", 0)).body("errors", nullValue());
        GraphQL.ok(TestTokens.admin(), CHANGE_STATUS, Map.of("id", open, "v", 0)).body("errors", nullValue());

        assertEquals(2, receiver.await("parties-jp", 2, r -> true, WAIT).size());
        assertEquals(2, receiver.await("parties-admin", 2, r -> true, WAIT).size());
        // DE's webhook gets the PUBLIC agreement's change, proving it was live, and never the PARTIES one
        List<WebhookReceiver.Received> de = receiver.await("parties-de", 1, r -> r.body().contains(open), WAIT);
        assertEquals(1, de.size());
        Thread.sleep(1000);
        assertTrue(receiver.on("parties-de").stream().noneMatch(r -> r.body().contains(hidden)));
        awaitState(jp, "DELIVERED", 2);

        // the rule itself, apart from the country filter: a DE member's webhook is refused a PARTIES event even when
        // the event concerns DE; a COALITION one it may receive; an admin's webhook receives both
        OutboxRecord parties = event("PARTIES", List.of("DE", "JP"), List.of("JP", "AU"));
        OutboxRecord coalition = event("COALITION", List.of("DE", "JP"), List.of("JP", "AU"));
        WebhookTarget deMember = target("DE");
        WebhookTarget admin = target(null);
        assertFalse(audience.mayReceive(deMember, parties));
        assertTrue(audience.mayReceive(deMember, coalition));
        assertTrue(audience.mayReceive(target("AU"), parties));
        assertTrue(audience.mayReceive(admin, parties));
    }

    @Test
    void twoReplicasNeverSendTheSameDelivery() throws Exception {
        receiver.delay("replicas", Duration.ofMillis(300));
        register(TestTokens.admin(), "replicas", List.of("AGREEMENT_CREATED"), List.of("CA"), newSecret());
        // a second replica: its own deliverer and listener on the same database, started beside this service's
        SimpleMeterRegistry secondMeters = new SimpleMeterRegistry();
        WebhookDeliverer second = new WebhookDeliverer(dataSource, new WebhookSettings("outbox_event",
                "lodestone_outbox", new RetrySchedule(Duration.ofMillis(200), Duration.ofMillis(800), Duration.ofSeconds(3)),
                Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofSeconds(2), 200), audience,
                config.secretKey().map(SecretBox::new), new TargetUrlPolicy(true), secondMeters, Clock.systemUTC());
        second.start();
        try {
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                created.add(Fixtures.agreement("hook-replica", "PUBLIC", "SIGNED", List.of("CA"), List.of("gallium"),
                        "2026-01-10"));
            }
            List<WebhookReceiver.Received> received = receiver.await("replicas", 6, r -> true, WAIT);
            Thread.sleep(1500); // a second send of any of them would arrive by now
            received = receiver.on("replicas");
            assertEquals(6, received.size(), received.toString());
            assertEquals(6, received.stream().map(WebhookReceiver.Received::id).distinct().count());
            for (String agreement : created) {
                assertEquals(1, received.stream().filter(r -> r.body().contains(agreement)).count(), agreement);
            }
            System.out.printf("second replica delivered %.0f of the 6%n",
                    secondMeters.get("lodestone.webhook.delivery.attempts").tag("outcome", "delivered").counter().count());
        } finally {
            second.close();
        }
    }

    private static OutboxRecord event(String visibility, List<String> countries, List<String> parties) {
        return new OutboxRecord(UUID.randomUUID(), "AGREEMENT_UPDATED", OffsetDateTime.now(), "Agreement", "AG-X",
                countries, visibility, parties, "{}");
    }

    private static WebhookTarget target(String ownerCountry) {
        return new WebhookTarget(UUID.randomUUID(), "https://hooks.example.org/", List.of("AGREEMENT_UPDATED"),
                List.of(), ownerCountry, "test", OffsetDateTime.now().minusMinutes(1));
    }

    @Test
    void targetsMustBeHttpOrHttpsToAllowedAddressesAndKindsMustBeThisServices() {
        String secret = newSecret();
        Map<String, String> refused = Map.of(
                "ftp://127.0.0.1/hook", "input.url: must be an http or https URL",
                "https://10.0.0.7/hook", "input.url: host 10.0.0.7 resolves to 10.0.0.7, a private address",
                "https://192.168.1.20/hook", "a private address",
                "http://169.254.169.254/latest/meta-data", "a link-local address",
                "https://[fd00::1]/hook", "a unique-local address",
                "https://user:pw@127.0.0.1/hook", "input.url: must not carry credentials",
                "not a url", "input.url: is not a valid URL",
                "https://nowhere.invalid/hook", "input.url: host nowhere.invalid does not resolve");
        refused.forEach((url, message) -> GraphQL.ok(TestTokens.admin(), REGISTER,
                Map.of("input", input(url, List.of("AGREEMENT_CREATED"), List.of(), secret)))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString(message)));
        GraphQL.ok(TestTokens.admin(), REGISTER, Map.of("input", input(receiver.url("kinds"),
                List.of("AGREEMENT_CREATED", "EXPORT_CONTROL_RECORDED"), List.of("JP", "jpn"), "not-a-whsec")))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("input.kinds[1]: EXPORT_CONTROL_RECORDED is not emitted by"
                        + " agreement-service; accepted: AGREEMENT_CREATED, AGREEMENT_UPDATED, AGREEMENT_STATUS_CHANGED,"
                        + " PROGRESS_REPORTED, COMMITMENT_AT_RISK, COMMITMENT_OVERDUE"))
                .body("errors[0].message", containsString("input.countries[1]: must be an ISO 3166-1 alpha-2 code"))
                .body("errors[0].message", containsString("input.secret: must start with whsec_"))
                .body("errors[0].message", not(containsString("not-a-whsec")));
        GraphQL.ok(TestTokens.admin(), REGISTER, Map.of("input", input(receiver.url("kinds"), List.of(), null, secret)))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("input.kinds: name at least one kind; accepted: "));
    }

    @Test
    void membersManageTheirOwnCountrysWebhooksOnlyAndTheSecretIsNeverReturned() throws Exception {
        String secret = newSecret();
        GraphQL.ok(TestTokens.member("JP"), REGISTER, Map.of("input", input(receiver.url("authz"),
                List.of("AGREEMENT_CREATED"), List.of("DE"), secret)))
                .body("data", nullValue()).body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].message", containsString("own country (JP) only"));
        for (String token : List.of(TestTokens.analyst(), TestTokens.noRole())) {
            GraphQL.ok(token, REGISTER, Map.of("input", input(receiver.url("authz"), List.of("AGREEMENT_CREATED"),
                    List.of(), secret))).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            GraphQL.ok(token, LIST).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        GraphQL.post(null, LIST).statusCode(401);

        ValidatableResponse jpResponse = GraphQL.ok(TestTokens.member("JP"), REGISTER, Map.of("input",
                input(receiver.url("authz"), List.of("AGREEMENT_CREATED"), null, secret))).body("errors", nullValue())
                .body("data.registerWebhook.countries", equalTo(List.of("JP")))
                .body("data.registerWebhook.ownerCountry", equalTo("JP"))
                .body("data.registerWebhook.registeredBy", equalTo("jp-member"));
        String jp = jpResponse.extract().path("data.registerWebhook.id");
        String admin = register(TestTokens.admin(), "authz", List.of("AGREEMENT_CREATED"), List.of("DE", "FR"), secret);
        String de = register(TestTokens.member("DE"), "authz", List.of("AGREEMENT_CREATED"), List.of("DE"), secret);

        GraphQL.ok(TestTokens.member("JP"), LIST).body("errors", nullValue())
                .body("data.webhooks.id", hasItem(jp)).body("data.webhooks.id", not(hasItem(admin)))
                .body("data.webhooks.id", not(hasItem(de))).body("data.webhooks.ownerCountry", not(hasItem("DE")));
        GraphQL.ok(TestTokens.admin(), LIST).body("data.webhooks.id", hasItem(jp)).body("data.webhooks.id", hasItem(de))
                .body("data.webhooks.id", hasItem(admin));
        // another country's webhook reads like a missing one, for its deliveries and for deleting it
        GraphQL.ok(TestTokens.member("DE"), DELIVERIES, Map.of("id", jp))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        GraphQL.ok(TestTokens.member("DE"), DELETE, Map.of("id", jp))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        GraphQL.ok(TestTokens.member("DE"), DELETE, Map.of("id", admin))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        GraphQL.ok(TestTokens.member("JP"), DELIVERIES, Map.of("id", jp)).body("errors", nullValue());
        // the secret is write-only: not in the schema, and sealed in the database
        GraphQL.ok(TestTokens.admin(), "{ webhooks { id secret } }")
                .body("errors[0].message", containsString("secret"));
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT secret FROM webhook WHERE id = ?::uuid")) {
            select.setString(1, jp);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                String stored = row.getString(1);
                assertTrue(stored.startsWith("v1:"), stored);
                assertFalse(stored.contains(secret.substring(6, 20)), stored);
            }
        }
        GraphQL.ok(TestTokens.member("JP"), DELETE, Map.of("id", jp)).body("errors", nullValue())
                .body("data.deleteWebhook.id", equalTo(jp));
        GraphQL.ok(TestTokens.admin(), LIST).body("data.webhooks.id", not(hasItem(jp)));
        GraphQL.ok(TestTokens.admin(), DELETE, Map.of("id", de)).body("errors", nullValue());
    }

    @Test
    void backlogAndAttemptsAreOnTheMetricsEndpoint() throws Exception {
        String webhook = register(TestTokens.admin(), "metrics", List.of("AGREEMENT_CREATED"), List.of("IN"), newSecret());
        Fixtures.agreement("hook-metrics", "PUBLIC", "SIGNED", List.of("IN"), List.of("gallium"), "2026-01-10");
        awaitState(webhook, "DELIVERED", 1);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("lodestone_webhook_deliveries_pending "), metrics);
        assertTrue(metrics.contains("lodestone_webhook_outbox_backlog "), metrics);
        String delivered = metrics.lines().filter(l -> l.startsWith("lodestone_webhook_delivery_attempts_total{")
                && l.contains("outcome=\"delivered\"")).findFirst().orElse(null);
        assertNotNull(delivered, metrics);
        assertTrue(Double.parseDouble(delivered.substring(delivered.lastIndexOf(' ') + 1)) >= 1, delivered);
        Set<String> outcomes = Set.of("delivered", "http_error", "network_error", "refused");
        metrics.lines().filter(l -> l.startsWith("lodestone_webhook_delivery_attempts_total{")).forEach(l ->
                assertTrue(outcomes.stream().anyMatch(o -> l.contains("outcome=\"" + o + "\"")), l));
    }

    /** Polls the webhook's deliveries until {@code count} are in {@code state}; fails after the wait. */
    static ValidatableResponse awaitState(String webhook, String state, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            ValidatableResponse response = GraphQL.ok(TestTokens.admin(), DELIVERIES, Map.of("id", webhook, "state", state))
                    .body("errors", nullValue());
            List<Object> found = response.extract().path("data.webhookDeliveries");
            if (found.size() >= count || System.nanoTime() > deadline) {
                assertEquals(count, found.size(), "deliveries in " + state + ": "
                        + GraphQL.ok(TestTokens.admin(), DELIVERIES, Map.of("id", webhook)).extract().asString());
                return response;
            }
            Thread.sleep(100);
        }
    }
}
