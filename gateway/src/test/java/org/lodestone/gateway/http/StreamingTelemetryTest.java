package org.lodestone.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.gateway.telemetry.OperationTelemetry;
import org.lodestone.gateway.testsupport.AlertStubsResource;
import org.lodestone.gateway.testsupport.StubSubgraph;
import org.lodestone.testing.GraphQLWsClient;
import org.lodestone.testing.TestTokens;

/**
 * What operators see of streamed operations: the gauge of streams open per transport, the results sent, the streams
 * ended by reason (all read from {@code /q/metrics} as Prometheus scrapes them), and the access line written when a
 * subscription ends, with its operation name, transport, caller, duration, events and close code.
 */
@QuarkusTest
@TestProfile(StreamingTransportsTest.CommittedSupergraph.class)
class StreamingTelemetryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WATCH = """
            subscription WatchJapan { alerts(countries: ["JP"]) { id kind } }
            """;
    private static final Map<String, Object> EVENT = Map.of("exportControlAlerts", Map.of(
            "__typename", "ExportControlAlert", "id", "ec-9", "kind", "EXPORT_CONTROL_RECORDED",
            "occurredAt", "2026-11-29T10:00:00Z", "countries", List.of("JP"), "hitMembers", List.of(Map.of("code", "JP")),
            "imposingCountry", Map.of("code", "CN"), "minerals", List.of(Map.of("id", "gallium")),
            "exportControl", Map.of("id", "EC-9", "measure", "ban", "minerals", List.of(Map.of("id", "gallium")))));

    @TestHTTPResource("/graphql")
    URI endpoint;
    @TestHTTPResource("/q/metrics")
    URI metrics;

    private final List<String> accessLines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            accessLines.add(record.getLevel() + " " + formatted(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureAccessLog() {
        Logger.getLogger(OperationTelemetry.ACCESS_LOG).addHandler(capture);
    }

    @AfterEach
    void releaseAccessLog() {
        Logger.getLogger(OperationTelemetry.ACCESS_LOG).removeHandler(capture);
    }

    @Test
    void aWebSocketSubscriptionIsCountedWhileOpenItsEventsCountedAndItsEndLoggedWithTheClientAsReason() throws Exception {
        double active = metric("lodestone_gateway_subscriptions_active", "transport", "websocket");
        double events = metric("lodestone_gateway_subscription_events_total", "transport", "websocket");
        double ended = metric("lodestone_gateway_subscriptions_ended_total", "transport", "websocket", "reason", "client");
        double sseActive = metric("lodestone_gateway_subscriptions_active", "transport", "sse");
        StubSubgraph mineral = AlertStubsResource.stub("mineral");
        try (GraphQLWsClient client = GraphQLWsClient.open(webSocket(), null)) {
            client.initAndAwaitAck(Map.of("Authorization", "Bearer " + TestTokens.member("JP")), WAIT);
            client.subscribe("w", WATCH, Map.of());
            mineral.awaitSubscribers(1);
            assertEquals(active + 1, metric("lodestone_gateway_subscriptions_active", "transport", "websocket"));
            assertEquals(sseActive, metric("lodestone_gateway_subscriptions_active", "transport", "sse"));

            mineral.emit(EVENT);
            mineral.emit(EVENT);
            for (int i = 0; i < 2; i++) {
                Map<String, Object> next = client.next(WAIT);
                assertEquals("next", next.get("type"), String.valueOf(next));
            }
            assertEquals(events + 2, metric("lodestone_gateway_subscription_events_total", "transport", "websocket"));
            client.complete("w");
            awaitAccessLine("INFO subscription WatchJapan transport=websocket subject=sub-jp-member "
                    + "duration_ms=\\d+\\.\\d events=2 reason=client close_code=-");
        }
        await(() -> metricOrNaN("lodestone_gateway_subscriptions_active", "transport", "websocket") == active);
        assertEquals(ended + 1, metric("lodestone_gateway_subscriptions_ended_total", "transport", "websocket",
                "reason", "client"));
    }

    @Test
    void theEndAtTokenExpiryIsCountedAsTokenExpiredWithTheCloseCodeOverWebSocketAndSse() throws Exception {
        double wsExpired = metric("lodestone_gateway_subscriptions_ended_total", "transport", "websocket",
                "reason", "token_expired");
        double sseExpired = metric("lodestone_gateway_subscriptions_ended_total", "transport", "sse",
                "reason", "token_expired");
        try (GraphQLWsClient client = GraphQLWsClient.open(webSocket(), null)) {
            String token = TestTokens.memberExpiringIn("JP", Duration.ofSeconds(3));
            client.initAndAwaitAck(Map.of("Authorization", "Bearer " + token), WAIT);
            client.subscribe("x", WATCH, Map.of());
            assertEquals(4403, client.awaitClose(WAIT).code());
        }
        awaitAccessLine("INFO subscription WatchJapan transport=websocket subject=sub-jp-member duration_ms=\\S+ "
                + "events=0 reason=token_expired close_code=4403");
        assertEquals(wsExpired + 1, metric("lodestone_gateway_subscriptions_ended_total", "transport", "websocket",
                "reason", "token_expired"));

        String token = TestTokens.memberExpiringIn("JP", Duration.ofSeconds(3));
        try (SseLines stream = SseLines.post(endpoint, token, WATCH)) {
            assertEquals("event: complete", stream.awaitLine(l -> l.startsWith("event: complete")));
        }
        awaitAccessLine("INFO subscription WatchJapan transport=sse subject=sub-jp-member duration_ms=\\S+ "
                + "events=0 reason=token_expired close_code=-");
        assertEquals(sseExpired + 1, metric("lodestone_gateway_subscriptions_ended_total", "transport", "sse",
                "reason", "token_expired"));
    }

    @Test
    void anSseSubscriptionIsActiveUntilTheClientLeavesAndAQueryOverSseEndsCompleted() throws Exception {
        double active = metric("lodestone_gateway_subscriptions_active", "transport", "sse");
        double events = metric("lodestone_gateway_subscription_events_total", "transport", "sse");
        double left = metric("lodestone_gateway_subscriptions_ended_total", "transport", "sse", "reason", "client");
        double completed = metric("lodestone_gateway_subscriptions_ended_total", "transport", "sse",
                "reason", "completed");
        StubSubgraph mineral = AlertStubsResource.stub("mineral");
        try (SseLines stream = SseLines.post(endpoint, TestTokens.member("JP"), WATCH)) {
            mineral.awaitSubscribers(1);
            assertEquals(active + 1, metric("lodestone_gateway_subscriptions_active", "transport", "sse"));
            mineral.emit(EVENT);
            assertNotNull(stream.awaitLine(l -> l.startsWith("data: ")));
            assertEquals(events + 1, metric("lodestone_gateway_subscription_events_total", "transport", "sse"));
        }
        awaitAccessLine("INFO subscription WatchJapan transport=sse subject=sub-jp-member duration_ms=\\S+ "
                + "events=1 reason=client close_code=-");
        await(() -> metricOrNaN("lodestone_gateway_subscriptions_active", "transport", "sse") == active);
        assertEquals(left + 1, metric("lodestone_gateway_subscriptions_ended_total", "transport", "sse",
                "reason", "client"));

        try (SseLines query = SseLines.post(endpoint, TestTokens.member("JP"), "query Latest { alerts(limit: 1) { id } }")) {
            assertNotNull(query.awaitLine(l -> l.startsWith("event: complete")));
        }
        awaitAccessLine("INFO query Latest transport=sse subject=sub-jp-member duration_ms=\\S+ "
                + "events=1 reason=completed close_code=-");
        assertEquals(completed + 1, metric("lodestone_gateway_subscriptions_ended_total", "transport", "sse",
                "reason", "completed"));
    }

    private URI webSocket() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }

    /** Waits for an access line (level, then message) matching {@code regex} as a whole. */
    private void awaitAccessLine(String regex) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (accessLines.stream().anyMatch(line -> pattern.matcher(line).matches())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no access line matching " + regex + " in " + accessLines);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met in time");
            Thread.sleep(20);
        }
    }

    /** A series' value as {@code /q/metrics} shows it; the series must exist. */
    private double metric(String name, String... labels) {
        double value = metricOrNaN(name, labels);
        assertTrue(!Double.isNaN(value), name + " " + List.of(labels) + " is not on /q/metrics");
        return value;
    }

    private double metricOrNaN(String name, String... labels) {
        String text;
        try {
            text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).header("Accept", "text/plain").build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new AssertionError("cannot read " + metrics, e);
        }
        Pattern series = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = series.matcher(text);
        while (matcher.find()) {
            String tags = matcher.group(1);
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= tags.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (all) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return Double.NaN;
    }

    private static String formatted(LogRecord record) {
        Object[] parameters = record.getParameters();
        String message = record.getMessage();
        if (parameters == null || parameters.length == 0) {
            return message;
        }
        try {
            return String.format(message, parameters);
        } catch (RuntimeException e) {
            return message + " " + List.of(parameters);
        }
    }

    /** A GraphQL-over-SSE response, its lines queued as they arrive. */
    private static final class SseLines implements AutoCloseable {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Stream<String> body;

        private SseLines(HttpResponse<Stream<String>> response) {
            assertEquals(200, response.statusCode());
            this.body = response.body();
            Thread reader = new Thread(() -> {
                try {
                    body.forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            }, "sse-telemetry-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static SseLines post(URI endpoint, String token, String query) throws Exception {
            return new SseLines(HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                    .header("Accept", "text/event-stream").header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query)))).build(),
                    HttpResponse.BodyHandlers.ofLines()));
        }

        String awaitLine(Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && wanted.test(line)) {
                    return line;
                }
            }
            return null;
        }

        @Override
        public void close() {
            body.close();
        }
    }
}
