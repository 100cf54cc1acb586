package org.lodestone.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.lodestone.gateway.testsupport.AlertStubsResource;
import org.lodestone.gateway.testsupport.StubSubgraph;
import org.lodestone.testing.GraphQLWsClient;
import org.lodestone.testing.TestTokens;

/**
 * GraphQL over WebSocket ({@code graphql-transport-ws}) and GraphQL over SSE at the gateway's {@code /graphql}, on
 * the committed supergraph over stub services: authentication, the protocol's close codes, events through the
 * merged {@code alerts} subscription with entity fields resolved per event, and the end at token expiry.
 */
@QuarkusTest
@TestProfile(StreamingTransportsTest.CommittedSupergraph.class)
class StreamingTransportsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALERTS = """
            subscription { alerts(countries: ["JP"]) {
              id kind
              ... on ExportControlAlert { hitMembers { code name } exportControl { minerals { name } } }
            } }
            """;
    private static final Map<String, Object> EVENT = Map.of("exportControlAlerts", Map.of(
            "__typename", "ExportControlAlert", "id", "ec-9", "kind", "EXPORT_CONTROL_RECORDED",
            "occurredAt", "2026-11-29T10:00:00Z", "countries", List.of("JP"), "hitMembers", List.of(Map.of("code", "JP")),
            "imposingCountry", Map.of("code", "CN"), "minerals", List.of(Map.of("id", "gallium")),
            "exportControl", Map.of("id", "EC-9", "measure", "ban", "minerals", List.of(Map.of("id", "gallium")))));

    public static class CommittedSupergraph implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(AlertStubsResource.class));
        }
    }

    @TestHTTPResource("/graphql")
    URI endpoint;

    private URI webSocket() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }

    @Test
    void aSubscriberGetsEachAlertWithFieldsFromEveryServiceAndCompletingEndsTheUpstreamSubscriptions() {
        String token = TestTokens.member("JP");
        try (GraphQLWsClient client = GraphQLWsClient.open(webSocket(), null)) {
            client.initAndAwaitAck(Map.of("Authorization", "Bearer " + token), WAIT);
            client.subscribe("a", ALERTS, Map.of());
            StubSubgraph mineral = AlertStubsResource.stub("mineral");
            assertEquals("Bearer " + token, mineral.awaitSubscribers(1).get(0).authorization());
            AlertStubsResource.stub("agreement").awaitSubscribers(1);

            mineral.emit(EVENT);
            Map<String, Object> next = client.next(WAIT);
            assertEquals("next", next.get("type"), String.valueOf(next));
            assertEquals("a", next.get("id"));
            assertEquals("Japan", at(next, "payload", "data", "alerts", "hitMembers", 0, "name"));
            assertEquals("Gallium", at(next, "payload", "data", "alerts", "exportControl", "minerals", 0, "name"));

            client.complete("a");
            awaitNoSubscribers(mineral);
            awaitNoSubscribers(AlertStubsResource.stub("agreement"));
        }
    }

    @Test
    void theTokenMayComeInTheUpgradeRequestAndAQueryGetsOneResultThenComplete() {
        try (GraphQLWsClient client = GraphQLWsClient.open(webSocket(), TestTokens.member("JP"))) {
            client.initAndAwaitAck(null, WAIT);
            client.subscribe("q", "{ alerts(limit: 1) { id } }", Map.of());
            Map<String, Object> next = client.next(WAIT);
            assertEquals("next", next.get("type"), String.valueOf(next));
            assertEquals("ec-1", at(next, "payload", "data", "alerts", 0, "id"), String.valueOf(next));
            assertEquals(Map.of("id", "q", "type", "complete"), client.next(WAIT));

            client.subscribe("bad", "subscription { alerts { nope } }", Map.of());
            Map<String, Object> error = client.next(WAIT);
            assertEquals("error", error.get("type"), String.valueOf(error));
            assertEquals("BAD_USER_INPUT", at(error, "payload", 0, "extensions", "code"));
        }
    }

    @Test
    void protocolViolationsCloseWithTheProtocolsCodes() {
        try (GraphQLWsClient client = GraphQLWsClient.open(webSocket(), null)) {
            client.subscribe("early", ALERTS, Map.of());
            assertEquals(4401, client.awaitClose(WAIT).code());
        }
        try (GraphQLWsClient client = GraphQLWsClient.open(webSocket(), null)) {
            client.init(Map.of("Authorization", "Bearer " + TestTokens.forged()));
            GraphQLWsClient.Closed closed = client.awaitClose(WAIT);
            assertEquals(4403, closed.code(), String.valueOf(closed));
        }
        try (GraphQLWsClient client = GraphQLWsClient.open(webSocket(), null)) {
            client.init(null);
            assertEquals(4403, client.awaitClose(WAIT).code(), "no token anywhere");
        }
        try (GraphQLWsClient client = GraphQLWsClient.open(webSocket(), TestTokens.member("JP"))) {
            client.initAndAwaitAck(null, WAIT).init(null);
            assertEquals(4429, client.awaitClose(WAIT).code());
        }
        try (GraphQLWsClient client = GraphQLWsClient.open(webSocket(), TestTokens.member("JP"))) {
            client.initAndAwaitAck(null, WAIT).subscribe("same", ALERTS, Map.of()).subscribe("same", ALERTS, Map.of());
            assertEquals(4409, client.awaitClose(WAIT).code());
        }
        try (GraphQLWsClient client = GraphQLWsClient.open(webSocket(), TestTokens.member("JP"))) {
            client.initAndAwaitAck(null, WAIT).send(Map.of("type", "no-such-type"));
            assertEquals(4400, client.awaitClose(WAIT).code());
        }
    }

    @Test
    void anInvalidTokenInTheUpgradeRequestGets401AndNoSocket() {
        try {
            GraphQLWsClient.open(webSocket(), TestTokens.expired()).close();
            throw new AssertionError("the upgrade succeeded with an expired token");
        } catch (CompletionException e) {
            WebSocketHandshakeException refused = (WebSocketHandshakeException) e.getCause();
            assertEquals(401, refused.getResponse().statusCode());
        }
    }

    @Test
    void theSocketClosesWith4403WhenTheTokenExpires() {
        try (GraphQLWsClient client = GraphQLWsClient.open(webSocket(), null)) {
            String token = TestTokens.memberExpiringIn("JP", Duration.ofSeconds(4));
            client.initAndAwaitAck(Map.of("Authorization", "Bearer " + token), WAIT);
            client.subscribe("a", ALERTS, Map.of());
            GraphQLWsClient.Closed closed = client.awaitClose(WAIT);
            assertNotNull(closed, "still open after the token expired");
            assertEquals(4403, closed.code());
            assertEquals("Forbidden: token expired", closed.reason());
        }
    }

    @Test
    void serverSentEventsCarryEachResultAsNextAndEndWithComplete() throws Exception {
        String token = TestTokens.member("JP");
        try (SseStream stream = SseStream.post(endpoint, token, ALERTS)) {
            assertEquals(200, stream.status);
            assertTrue(stream.contentType.startsWith("text/event-stream"), stream.contentType);
            StubSubgraph mineral = AlertStubsResource.stub("mineral");
            assertEquals("Bearer " + token, mineral.awaitSubscribers(1).get(0).authorization());
            mineral.emit(EVENT);
            assertEquals("event: next", stream.nextEventLine());
            Map<String, Object> data = stream.data();
            assertEquals("Japan", at(data, "data", "alerts", "hitMembers", 0, "name"));
        }
        awaitNoSubscribers(AlertStubsResource.stub("mineral"));

        try (SseStream query = SseStream.post(endpoint, token, "{ alerts(limit: 2) { id } }")) {
            assertEquals("event: next", query.nextEventLine());
            Map<String, Object> result = query.data();
            assertEquals(List.of(Map.of("id", "ec-1"), Map.of("id", "ag-1")), at(result, "data", "alerts"),
                    String.valueOf(result));
            assertEquals("event: complete", query.nextEventLine());
        }
    }

    @Test
    void serverSentEventsNeedAValidTokenAndEndWhenItExpires() throws Exception {
        try (SseStream refused = SseStream.post(endpoint, null, ALERTS)) {
            assertEquals(401, refused.status);
        }
        try (SseStream invalid = SseStream.post(endpoint, TestTokens.member("JP"), "subscription { alerts { nope } }")) {
            assertEquals(400, invalid.status);
        }
        String token = TestTokens.memberExpiringIn("JP", Duration.ofSeconds(4));
        try (SseStream stream = SseStream.post(endpoint, token, ALERTS)) {
            assertEquals(200, stream.status);
            assertEquals("event: next", stream.nextEventLine());
            assertEquals("UNAUTHENTICATED", at(stream.data(), "errors", 0, "extensions", "code"));
            assertEquals("event: complete", stream.nextEventLine());
        }
    }

    private static void awaitNoSubscribers(StubSubgraph stub) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!stub.subscribers().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(stub.name() + " still has subscribers");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A GraphQL-over-SSE response read line by line as it arrives. */
    private static final class SseStream implements AutoCloseable {
        final int status;
        final String contentType;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Stream<String> body;

        private SseStream(HttpResponse<Stream<String>> response) {
            this.status = response.statusCode();
            this.contentType = response.headers().firstValue("Content-Type").orElse("");
            this.body = response.body();
            Thread reader = new Thread(() -> {
                try {
                    body.forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static SseStream post(URI endpoint, String token, String query) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).header("Accept", "text/event-stream")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return new SseStream(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        }

        /** The next {@code event:} line (comments and blank lines skipped). */
        String nextEventLine() throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith("event:")) {
                    return line;
                }
            }
            return null;
        }

        Map<String, Object> data() throws Exception {
            String line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(line);
            assertTrue(line.startsWith("data: "), line);
            return JSON.readValue(line.substring(6), new TypeReference<>() {
            });
        }

        @Override
        public void close() {
            body.close();
        }
    }
}
