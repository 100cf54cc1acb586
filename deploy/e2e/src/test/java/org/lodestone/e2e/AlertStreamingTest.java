package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.e2e.RunningStack.step;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lodestone.testing.GraphQLWsClient;

/**
 * Live alerts through the gateway with real Keycloak tokens, over GraphQL over WebSocket (graphql-transport-ws) and
 * GraphQL over SSE: the gateway's one {@code subscription { alerts }} merges mineral-service's and
 * agreement-service's streams; an export control recorded against Japan reaches jp-member within 2 s (latency
 * printed) and never de-member; a PARTIES agreement's changes reach its parties only; entity fields come from their
 * owners per event; the socket closes with 4403 when the token expires; {@code alerts(since:)} replays both
 * services' alerts merged in time order.
 */
@Order(6)
@ExtendWith(RunningStack.class)
class AlertStreamingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DELIVERY = Duration.ofSeconds(2);
    /**
     * graphql-transport-ws has no "subscribed" message: the gateway opens its upstream subscriptions after it
     * received {@code subscribe}. A change committed before those are open is for the replay, not the stream.
     */
    private static final long UPSTREAM_SETTLE_MILLIS = 1500;
    private static final String ALERTS = """
            subscription Alerts($kinds: [AlertKind!]) {
              alerts(kinds: $kinds) {
                __typename id kind occurredAt countries
                ... on ExportControlAlert { exportControl { id measure } minerals { name } hitMembers { code name } }
                ... on AgreementAlert { agreement { id title parties { code } } agreementStatus version }
              }
            }
            """;
    static final String RECORD = """
            mutation Record($input: NewExportControl!) { recordExportControl(input: $input) { id } }
            """;
    static final String CREATE = """
            mutation Create($input: NewAgreement!) { createAgreement(input: $input) { id version } }
            """;
    static final String UPDATE = """
            mutation Update($id: ID!, $v: Int!, $input: AgreementPatch!) {
              updateAgreement(id: $id, expectedVersion: $v, input: $input) { version }
            }
            """;
    private static final String REPLAY = """
            query Replay($since: DateTime) {
              alerts(since: $since) {
                __typename id kind occurredAt
                ... on ExportControlAlert { exportControl { id } }
                ... on AgreementAlert { agreement { id title } }
              }
            }
            """;

    /** One subscriber's alerts, whatever the transport. */
    private interface Listener extends AutoCloseable {
        /** The next alert matching {@code wanted} within {@code timeout}, or null; other alerts are skipped. */
        Map<String, Object> await(Predicate<Map<String, Object>> wanted, Duration timeout) throws Exception;

        @Override
        void close();
    }

    @Test
    @Order(1)
    void overWebSocketAnExportControlAgainstJapanReachesJapanWithinTwoSecondsAndNotGermany() throws Exception {
        try (Listener japan = webSocket("jp-member", List.of("EXPORT_CONTROL_RECORDED"));
                Listener germany = webSocket("de-member", List.of("EXPORT_CONTROL_RECORDED"))) {
            exportControlReachesJapanOnly("WebSocket", japan, germany);
        }
    }

    @Test
    @Order(2)
    void overWebSocketAPartiesAgreementsChangesReachItsPartiesOnly() throws Exception {
        List<String> kinds = List.of("AGREEMENT_CREATED", "AGREEMENT_UPDATED");
        try (Listener japan = webSocket("jp-member", kinds); Listener us = webSocket("us-member", kinds);
                Listener germany = webSocket("de-member", kinds)) {
            partiesAgreementReachesItsPartiesOnly("WebSocket", List.of(japan, us), germany);
        }
    }

    @Test
    @Order(3)
    void overServerSentEventsTheSameAlertsReachTheSameCallers() throws Exception {
        try (Listener japan = sse("jp-member", List.of("EXPORT_CONTROL_RECORDED"));
                Listener germany = sse("de-member", List.of("EXPORT_CONTROL_RECORDED"))) {
            exportControlReachesJapanOnly("SSE", japan, germany);
        }
        List<String> kinds = List.of("AGREEMENT_CREATED", "AGREEMENT_UPDATED");
        try (Listener japan = sse("jp-member", kinds); Listener us = sse("us-member", kinds);
                Listener germany = sse("de-member", kinds)) {
            partiesAgreementReachesItsPartiesOnly("SSE", List.of(japan, us), germany);
        }
    }

    @Test
    @Order(4)
    void theSocketClosesWith4403WhenTheTokenExpires() {
        int lifespan = 5;
        String token = RunningStack.keycloak().shortLivedToken("jp-member", lifespan);
        try (GraphQLWsClient client = GraphQLWsClient.open(webSocketUri(), null)) {
            client.initAndAwaitAck(Map.of("Authorization", "Bearer " + token), Duration.ofSeconds(10));
            client.subscribe("alerts", ALERTS, Map.of());
            long start = System.nanoTime();
            GraphQLWsClient.Closed closed = client.awaitClose(Duration.ofSeconds(lifespan + 10));
            assertNotNull(closed, "the socket outlived its token");
            step("a " + lifespan + " s jp-member token: the gateway closed the socket after "
                    + (System.nanoTime() - start) / 1_000_000 + " ms with " + closed);
            assertEquals(4403, closed.code());
            assertEquals("Forbidden: token expired", closed.reason());
        }
    }

    @Test
    @Order(5)
    void theReplayThroughTheGatewayMergesBothServicesInTimeOrder() {
        Graphql graphql = RunningStack.graphql();
        Keycloak keycloak = RunningStack.keycloak();
        String since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).toString();
        String exportControl = "EC-2032-E2E-REPLAY-" + (System.nanoTime() % 100000);
        record(exportControl);
        String title = "E2E merged replay US-JP " + System.nanoTime();
        graphql.call(keycloak.token("coalition-admin"), CREATE, Map.of("input",
                RolesSeeWhatTheDesignSaysTest.newAgreement(title, "PARTIES", List.of("US", "JP")))).withoutErrors();

        Graphql.Result replay = graphql.call(keycloak.token("jp-member"), REPLAY, Map.of("since", since)).withoutErrors();
        step("jp-member replays alerts(since: " + since + "): " + replay.body());
        List<Map<String, Object>> alerts = replay.get("data.alerts");
        assertTrue(alerts.stream().anyMatch(a -> a.get("exportControl") instanceof Map<?, ?> control
                && exportControl.equals(control.get("id"))), "mineral-service's alert: " + replay.body());
        assertTrue(alerts.stream().anyMatch(a -> a.get("agreement") instanceof Map<?, ?> agreement
                && title.equals(agreement.get("title"))), "agreement-service's alert: " + replay.body());
        List<OffsetDateTime> times = alerts.stream().map(a -> OffsetDateTime.parse((String) a.get("occurredAt"))).toList();
        for (int i = 1; i < times.size(); i++) {
            assertTrue(!times.get(i).isBefore(times.get(i - 1)), "oldest first: " + times);
        }
    }

    private void exportControlReachesJapanOnly(String transport, Listener japan, Listener germany) throws Exception {
        Thread.sleep(UPSTREAM_SETTLE_MILLIS);
        String id = "EC-2032-E2E-LIVE-" + transport.toUpperCase() + "-" + (System.nanoTime() % 100000);
        step(transport + ": coalition-analyst records " + id + " (CN bans gallium to JP); jp-member and de-member "
                + "are subscribed to alerts");
        long sent = System.nanoTime();
        record(id);
        Map<String, Object> alert = japan.await(a -> a.get("exportControl") instanceof Map<?, ?> control
                && id.equals(control.get("id")), Duration.ofSeconds(10));
        long latency = (System.nanoTime() - sent) / 1_000_000;
        assertNotNull(alert, transport + ": jp-member never received the alert for " + id);
        step(transport + ": jp-member received " + alert.get("kind") + " for " + id + " " + latency
                + " ms after the mutation was sent: " + alert);
        assertTrue(latency <= DELIVERY.toMillis(), transport + ": took " + latency + " ms");
        assertEquals(List.of(Map.of("code", "JP", "name", "Japan")), alert.get("hitMembers"));
        assertEquals(List.of(Map.of("name", "Gallium")), alert.get("minerals"));
        assertEquals(null, germany.await(a -> a.get("exportControl") instanceof Map<?, ?> control
                && id.equals(control.get("id")), DELIVERY), transport + ": de-member is not hit");
    }

    private void partiesAgreementReachesItsPartiesOnly(String transport, List<Listener> parties, Listener other)
            throws Exception {
        Thread.sleep(UPSTREAM_SETTLE_MILLIS);
        Graphql graphql = RunningStack.graphql();
        String admin = RunningStack.keycloak().token("coalition-admin");
        String title = "E2E live alerts US-JP " + transport + " " + System.nanoTime();
        step(transport + ": coalition-admin creates and updates the PARTIES agreement \"" + title + "\" (US, JP)");
        long sent = System.nanoTime();
        Graphql.Result created = graphql.call(admin, CREATE, Map.of("input",
                RolesSeeWhatTheDesignSaysTest.newAgreement(title, "PARTIES", List.of("US", "JP")))).withoutErrors();
        String id = created.get("data.createAgreement.id");
        int version = created.<Integer>get("data.createAgreement.version");
        graphql.call(admin, UPDATE, Map.of("id", id, "v", version, "input", Map.of("summary", "updated (e2e live)")))
                .withoutErrors();
        Predicate<Map<String, Object>> about = a -> a.get("agreement") instanceof Map<?, ?> agreement
                && id.equals(agreement.get("id"));
        for (Listener party : parties) {
            List<String> kinds = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Map<String, Object> alert = party.await(about, Duration.ofSeconds(10));
                assertNotNull(alert, transport + ": a party got " + kinds + " only");
                assertEquals(title, ((Map<?, ?>) alert.get("agreement")).get("title"));
                kinds.add((String) alert.get("kind"));
            }
            step(transport + ": a party received " + kinds + " within " + (System.nanoTime() - sent) / 1_000_000
                    + " ms of the creation");
            assertEquals(List.of("AGREEMENT_CREATED", "AGREEMENT_UPDATED"), kinds);
        }
        assertEquals(null, other.await(about, DELIVERY), transport + ": de-member is not a party");
    }

    private static void record(String id) {
        RunningStack.graphql().call(RunningStack.keycloak().token("coalition-analyst"), RECORD, Map.of("input",
                Map.of("id", id, "imposingCountry", "CN", "minerals", List.of("gallium"), "targets", List.of("JP"),
                        "measure", "ban", "effectiveOn", LocalDate.now().plusYears(5).toString(),
                        "source", "Lodestone end-to-end test"))).withoutErrors();
    }

    private static URI webSocketUri() {
        return URI.create(RunningStack.graphql().endpoint().replaceFirst("^http", "ws"));
    }

    private static Listener webSocket(String user, List<String> kinds) {
        GraphQLWsClient client = GraphQLWsClient.open(webSocketUri(), null);
        client.initAndAwaitAck(Map.of("Authorization", "Bearer " + RunningStack.keycloak().token(user)),
                Duration.ofSeconds(10));
        client.subscribe("alerts", ALERTS, Map.of("kinds", kinds));
        return new Listener() {
            @Override
            public Map<String, Object> await(Predicate<Map<String, Object>> wanted, Duration timeout) {
                long deadline = System.nanoTime() + timeout.toNanos();
                while (System.nanoTime() < deadline) {
                    Map<String, Object> message = client.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                    if (message == null) {
                        break;
                    }
                    assertEquals("next", message.get("type"), user + ": " + message);
                    Map<String, Object> alert = alertOf(cast(message.get("payload")), user);
                    if (wanted.test(alert)) {
                        return alert;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    private static Listener sse(String user, List<String> kinds) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RunningStack.graphql().endpoint()))
                .header("Accept", "text/event-stream").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + RunningStack.keycloak().token(user))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", ALERTS,
                        "variables", Map.of("kinds", kinds)))))
                .build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode(), user);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().filter(line -> line.startsWith("data: ")).forEach(line -> data.add(line.substring(6)));
            } catch (RuntimeException closed) {
                // the stream was closed by the test
            }
        }, "sse-" + user);
        reader.setDaemon(true);
        reader.start();
        return new Listener() {
            @Override
            public Map<String, Object> await(Predicate<Map<String, Object>> wanted, Duration timeout) throws Exception {
                long deadline = System.nanoTime() + timeout.toNanos();
                while (System.nanoTime() < deadline) {
                    String line = data.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (line == null) {
                        break;
                    }
                    Map<String, Object> alert = alertOf(JSON.readValue(line, new TypeReference<>() {
                    }), user);
                    if (wanted.test(alert)) {
                        return alert;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                response.body().close();
            }
        };
    }

    private static Map<String, Object> alertOf(Map<String, Object> result, String user) {
        if (result.get("errors") != null) {
            throw new AssertionError(user + " got errors: " + result);
        }
        return cast(cast(result.get("data")).get("alerts"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
