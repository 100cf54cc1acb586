package org.lodestone.gateway.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;

import org.jboss.logging.Logger;

import org.lodestone.gateway.execution.UpstreamAuthenticationException;
import org.lodestone.gateway.pipeline.GraphQLErrors;
import org.lodestone.gateway.pipeline.GraphQLRequest;
import org.lodestone.gateway.pipeline.GraphQLRequestProcessor;
import org.lodestone.gateway.pipeline.OperationStream;
import org.lodestone.gateway.pipeline.RequestContext;
import org.lodestone.gateway.telemetry.StreamRecord;
import org.lodestone.gateway.telemetry.StreamingTelemetry;
import org.lodestone.gateway.telemetry.StreamingTelemetry.Reason;
import org.lodestone.gateway.telemetry.StreamingTelemetry.Transport;

/**
 * One GraphQL over WebSocket connection speaking {@code graphql-transport-ws} (the protocol of the graphql-ws
 * library): {@code connection_init} (authenticated here), {@code connection_ack}, then any number of operations,
 * each {@code subscribe} answered by {@code next}s and {@code complete}, or by one {@code error}.
 *
 * <p>Close codes are the protocol's: 4400 invalid message, 4401 {@code subscribe} before {@code connection_ack},
 * 4403 no valid token in {@code connection_init} (or the upgrade request) and when the token expires
 * ({@code Forbidden: token expired}), 4408 no {@code connection_init} in time, 4409 an operation id already in use,
 * 4429 a second {@code connection_init}.
 */
final class GraphQLWebSocketSession {

    static final String PROTOCOL = "graphql-transport-ws";
    static final String EXPIRED = "Forbidden: token expired";
    private static final Logger LOG = Logger.getLogger(GraphQLWebSocketSession.class);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final ServerWebSocket socket;
    private final Vertx vertx;
    private final ObjectMapper mapper;
    private final GraphQLRequestProcessor processor;
    private final TokenVerifier verifier;
    private final String upgradeAuthorization;
    private final StreamingTelemetry telemetry;
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private volatile boolean initReceived;
    private volatile RequestContext context;
    /** The verified token's subject, for the access log. */
    private volatile String subject;
    private volatile boolean closed;
    private long initTimer = -1;
    private long pingTimer = -1;
    private volatile long expiryTimer = -1;

    GraphQLWebSocketSession(ServerWebSocket socket, Vertx vertx, ObjectMapper mapper,
            GraphQLRequestProcessor processor, TokenVerifier verifier, String upgradeAuthorization,
            StreamingTelemetry telemetry) {
        this.socket = socket;
        this.vertx = vertx;
        this.mapper = mapper;
        this.processor = processor;
        this.verifier = verifier;
        this.upgradeAuthorization = upgradeAuthorization;
        this.telemetry = telemetry;
    }

    void start(long initTimeoutMillis, long keepAliveMillis) {
        initTimer = vertx.setTimer(initTimeoutMillis, id -> {
            if (!initReceived) {
                close(4408, "Connection initialisation timeout");
            }
        });
        // The protocol lets the server ping; the client answers pong. Keeps proxies from closing a quiet socket.
        pingTimer = vertx.setPeriodic(keepAliveMillis, id -> send(Map.of("type", "ping")));
        socket.textMessageHandler(this::onMessage);
        socket.binaryMessageHandler(ignored -> close(4400, "Invalid message received"));
        socket.closeHandler(ignored -> {
            // Closed from the client's side (or the connection broke): whatever still runs ended because of it.
            Short code = socket.closeStatusCode();
            release(Reason.CLIENT, code == null ? 0 : code);
        });
    }

    private void onMessage(String text) {
        Map<String, Object> message;
        try {
            message = mapper.readValue(text, JSON_OBJECT);
        } catch (IOException e) {
            message = null;
        }
        if (message == null || !(message.get("type") instanceof String type)) {
            close(4400, "Invalid message received");
            return;
        }
        switch (type) {
            case "connection_init" -> init(message.get("payload"));
            case "ping" -> {
                Map<String, Object> pong = new LinkedHashMap<>();
                pong.put("type", "pong");
                if (message.get("payload") != null) {
                    pong.put("payload", message.get("payload"));
                }
                send(pong);
            }
            case "pong" -> {
                // an answer to nothing we asked, or a keep-alive: nothing to do
            }
            case "subscribe" -> subscribe(message);
            case "complete" -> {
                if (message.get("id") instanceof String id) {
                    Operation running = operations.remove(id);
                    if (running != null) {
                        running.cancel();
                        running.record.end(Reason.CLIENT, 0);
                    }
                }
            }
            default -> close(4400, "Invalid message received");
        }
    }

    private void init(Object payload) {
        if (initReceived) {
            close(4429, "Too many initialisation requests");
            return;
        }
        initReceived = true;
        vertx.cancelTimer(initTimer);
        String authorization = upgradeAuthorization;
        if (payload instanceof Map<?, ?> map) {
            Object given = map.get("Authorization") != null ? map.get("Authorization") : map.get("authorization");
            if (given instanceof String text) {
                authorization = text.regionMatches(true, 0, "Bearer ", 0, 7) ? text : "Bearer " + text;
            }
        }
        if (authorization == null) {
            close(4403, "Forbidden: no bearer token in connection_init or the upgrade request");
            return;
        }
        String verified = authorization;
        verifier.verify(authorization).onSuccess(token -> {
            if (closed) {
                return;
            }
            context = new RequestContext(verified, true, token.getGroups(), false, false);
            subject = token.getSubject();
            if (token.getExpirationTime() > 0) {
                long delay = token.getExpirationTime() * 1000 - System.currentTimeMillis();
                if (delay <= 0) {
                    close(4403, EXPIRED);
                    return;
                }
                expiryTimer = vertx.setTimer(delay, id -> close(4403, EXPIRED));
            }
            send(Map.of("type", "connection_ack"));
        }).onFailure(failure -> close(4403, "Forbidden: invalid or expired token"));
    }

    private void subscribe(Map<String, Object> message) {
        RequestContext current = context;
        if (current == null) {
            close(4401, "Unauthorized");
            return;
        }
        if (!(message.get("id") instanceof String id) || id.isEmpty()
                || !(message.get("payload") instanceof Map<?, ?> payload) || !(payload.get("query") instanceof String query)
                || (payload.get("operationName") != null && !(payload.get("operationName") instanceof String))
                || (payload.get("variables") != null && !(payload.get("variables") instanceof Map<?, ?>))
                || (payload.get("extensions") != null && !(payload.get("extensions") instanceof Map<?, ?>))) {
            close(4400, "Invalid message received");
            return;
        }
        Operation running = new Operation(telemetry.record(Transport.WEBSOCKET, subject));
        if (operations.putIfAbsent(id, running) != null) {
            close(4409, "Subscriber for " + id + " already exists");
            return;
        }
        OperationStream stream = processor.stream(new GraphQLRequest(query, (String) payload.get("operationName"),
                cast(payload.get("variables")), cast(payload.get("extensions"))), current, running.record);
        if (stream.rejected() != null) {
            operations.remove(id);
            send(Map.of("id", id, "type", "error", "payload", stream.rejected().body().getOrDefault("errors", List.of())));
            return;
        }
        running.record.begin();
        running.upstream.set(stream.results().subscribe().with(
                result -> {
                    if (operations.get(id) == running) {
                        send(Map.of("id", id, "type", "next", "payload", result));
                        running.record.sent();
                    }
                },
                failure -> failed(id, running, failure),
                () -> {
                    if (operations.remove(id, running)) {
                        send(Map.of("id", id, "type", "complete"));
                        running.record.end(Reason.COMPLETED, 0);
                    }
                }));
        if (closed || operations.get(id) != running) {
            running.cancel();
        }
    }

    private void failed(String id, Operation running, Throwable failure) {
        if (failure instanceof UpstreamAuthenticationException) {
            // The subgraphs verify the same token; the gateway's own timer may simply not have fired yet.
            close(4403, EXPIRED);
            return;
        }
        if (operations.remove(id, running)) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(failure, "Subscription failed unexpectedly (error id %s)", errorId);
            send(Map.of("id", id, "type", "error", "payload", List.of(GraphQLErrors.error(
                    "Internal error (error id " + errorId + ")", GraphQLErrors.INTERNAL))));
            running.record.end(Reason.ERROR, 0);
        }
    }

    private void send(Map<String, Object> message) {
        if (closed) {
            return;
        }
        try {
            socket.writeTextMessage(mapper.writeValueAsString(message));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void close(int code, String reason) {
        if (closed) {
            return;
        }
        release(EXPIRED.equals(reason) ? Reason.TOKEN_EXPIRED : Reason.PROTOCOL_ERROR, code);
        socket.close((short) code, reason);
    }

    /** Ends the session: timers off, every running operation cancelled and recorded as ended for {@code reason}. */
    private void release(Reason reason, int closeCode) {
        if (closed) {
            return;
        }
        closed = true;
        vertx.cancelTimer(initTimer);
        vertx.cancelTimer(pingTimer);
        if (expiryTimer >= 0) {
            vertx.cancelTimer(expiryTimer);
        }
        for (String id : List.copyOf(operations.keySet())) {
            Operation running = operations.remove(id);
            if (running != null) {
                running.cancel();
                running.record.end(reason, closeCode);
            }
        }
    }

    /** An operation in flight: what cancels its upstream stream, and its telemetry. */
    private static final class Operation {
        final AtomicReference<Cancellable> upstream = new AtomicReference<>();
        final StreamRecord record;

        Operation(StreamRecord record) {
            this.record = record;
        }

        void cancel() {
            Cancellable cancellable = upstream.get();
            if (cancellable != null) {
                cancellable.cancel();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
