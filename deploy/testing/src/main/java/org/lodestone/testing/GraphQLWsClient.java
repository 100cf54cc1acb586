package org.lodestone.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A GraphQL over WebSocket client speaking {@code graphql-transport-ws} (the protocol of the graphql-ws library) with
 * the JDK's WebSocket: {@code connection_init}, {@code subscribe}, {@code complete}; answers {@code ping} with
 * {@code pong}; every other message is queued for the test to read.
 */
public final class GraphQLWsClient implements AutoCloseable {

    public static final String PROTOCOL = "graphql-transport-ws";

    /** How long a test waits for an alert that should arrive (a committed change reaches subscribers well within it). */
    public static final Duration ARRIVES = Duration.ofSeconds(5);

    /** How long a test listens to conclude that nothing is coming. */
    public static final Duration QUIET = Duration.ofMillis(700);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the server closed the socket. */
    public record Closed(int code, String reason) {
    }

    private final BlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private GraphQLWsClient(URI uri, String headerToken) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols(PROTOCOL)
                .connectTimeout(Duration.ofSeconds(10));
        if (headerToken != null) {
            builder.header("Authorization", "Bearer " + headerToken);
        }
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    /** Opens the socket; {@code headerToken} (may be null) goes in the upgrade request's Authorization header. */
    public static GraphQLWsClient open(URI uri, String headerToken) {
        return new GraphQLWsClient(uri, headerToken);
    }

    /**
     * Connects to the WebSocket twin of an http(s) GraphQL endpoint with the token, waits for the acknowledgement,
     * starts subscription {@code "1"} and waits half a second for the server to attach it.
     */
    public static GraphQLWsClient subscribed(URI httpEndpoint, String token, String query,
            Map<String, Object> variables, Duration ackTimeout) {
        GraphQLWsClient client = open(URI.create(httpEndpoint.toString().replaceFirst("^http", "ws")), token)
                .initAndAwaitAck(null, ackTimeout);
        client.subscribe("1", query, variables);
        // graphql-transport-ws has no "subscribed" message, and the alert streams are hot: a change committed before
        // the server has attached the new stream is not sent to it. Give the server a moment.
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return client;
    }

    /** The given field of a {@code next} message's data; anything else, or errors, fail the test. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> nextData(Map<String, Object> message, String field) {
        if (message == null || !"next".equals(message.get("type"))) {
            throw new AssertionError("expected a next message, got " + message);
        }
        Map<String, Object> payload = (Map<String, Object>) message.get("payload");
        if (payload.get("errors") != null) {
            throw new AssertionError("the next message carries errors: " + payload);
        }
        return (Map<String, Object>) ((Map<String, Object>) payload.get("data")).get(field);
    }

    /** Waits for the server to close the socket as it does when the subscriber's token expires (1008). */
    public void assertClosedForExpiredToken(Duration timeout) {
        Closed closed = awaitClose(timeout);
        if (closed == null || closed.code() != 1008 || !"Authentication expired".equals(closed.reason())) {
            throw new AssertionError("expected close 1008 'Authentication expired' within " + timeout + ", got "
                    + (closed == null ? "an open socket" : closed));
        }
    }

    /** Sends {@code connection_init} with the payload (may be null). */
    public GraphQLWsClient init(Map<String, Object> payload) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "connection_init");
        if (payload != null) {
            message.put("payload", payload);
        }
        return send(message);
    }

    /** Sends {@code connection_init} and waits for {@code connection_ack}. */
    public GraphQLWsClient initAndAwaitAck(Map<String, Object> payload, Duration timeout) {
        init(payload);
        Map<String, Object> ack = next(timeout);
        if (ack == null || !"connection_ack".equals(ack.get("type"))) {
            throw new AssertionError("expected connection_ack, got " + (ack == null ? closedOrNothing() : ack));
        }
        return this;
    }

    public GraphQLWsClient subscribe(String id, String query, Map<String, Object> variables) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", query);
        payload.put("variables", variables);
        return send(Map.of("id", id, "type", "subscribe", "payload", payload));
    }

    public GraphQLWsClient complete(String id) {
        return send(Map.of("id", id, "type", "complete"));
    }

    public GraphQLWsClient send(Map<String, Object> message) {
        try {
            socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("cannot send " + message, e);
        }
    }

    /** The next message other than a ping, or null when none arrives in time. */
    public Map<String, Object> next(Duration timeout) {
        try {
            return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** How the server closed the socket, or null when it is still open after the timeout. */
    public Closed awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    private String closedOrNothing() {
        return closed.isDone() ? "close " + closed.join() : "nothing";
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    Map<String, Object> message = JSON.readValue(text.toString(), new TypeReference<>() {
                    });
                    if ("ping".equals(message.get("type"))) {
                        webSocket.sendText("{\"type\":\"pong\"}", true);
                    } else {
                        messages.add(message);
                    }
                } catch (Exception e) {
                    messages.add(Map.of("type", "unparsable", "text", text.toString()));
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(-1, String.valueOf(error)));
        }
    }
}
