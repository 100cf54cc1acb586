package org.lodestone.gateway.execution;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import org.jboss.logging.Logger;

import org.lodestone.gateway.supergraph.Subgraph;

/**
 * Subgraph subscriptions over GraphQL over WebSocket ({@code graphql-transport-ws}, the subgraph's own
 * {@code /graphql} with {@code ws}/{@code wss} for {@code http}/{@code https}): one connection per subscription, the
 * caller's {@code Authorization} header on the upgrade request (the subgraphs authenticate the socket by it).
 */
public final class VertxSubgraphSubscriptions implements SubgraphSubscriptions {

    static final String PROTOCOL = "graphql-transport-ws";
    private static final Logger LOG = Logger.getLogger(VertxSubgraphSubscriptions.class);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    private static final String OPERATION_ID = "1";

    private final Vertx vertx;
    private final WebSocketClient client;
    private final ObjectMapper mapper;
    private final long ackTimeoutMillis;

    public VertxSubgraphSubscriptions(Vertx vertx, ObjectMapper mapper, Duration connectTimeout) {
        this.vertx = vertx;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis()).setMaxFrameSize(1 << 20)
                .setMaxMessageSize(16 << 20));
        this.mapper = mapper;
        this.ackTimeoutMillis = Math.max(1000, connectTimeout.toMillis() * 2);
    }

    @Override
    public Multi<Map<String, Object>> subscribe(Subgraph subgraph, Map<String, Object> body, String authorization) {
        return Multi.createFrom().emitter(emitter -> open(subgraph, body, authorization, emitter));
    }

    private void open(Subgraph subgraph, Map<String, Object> body, String authorization,
            MultiEmitter<? super Map<String, Object>> emitter) {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setAbsoluteURI(subgraph.url().replaceFirst("^http", "ws")).addSubProtocol(PROTOCOL);
        if (authorization != null) {
            options.addHeader("Authorization", authorization);
        }
        AtomicReference<WebSocket> socket = new AtomicReference<>();
        AtomicBoolean finished = new AtomicBoolean();
        emitter.onTermination(() -> {
            WebSocket open = socket.get();
            if (open != null && !open.isClosed()) {
                if (finished.compareAndSet(false, true)) {
                    open.writeTextMessage("{\"id\":\"" + OPERATION_ID + "\",\"type\":\"complete\"}");
                }
                open.close((short) 1000, "done");
            }
        });
        client.connect(options).onFailure(failure -> {
            if (failure instanceof UpgradeRejectedException rejected && rejected.getStatus() == 401) {
                emitter.fail(new UpstreamAuthenticationException(subgraph.name() + " refused the token"));
            } else {
                LOG.warnf("Cannot subscribe at subgraph %s: %s", subgraph.name(), failure.toString());
                emitter.fail(new SubgraphUnavailableException("Subgraph " + subgraph.name() + " is unavailable"));
            }
        }).onSuccess(ws -> {
            socket.set(ws);
            if (emitter.isCancelled()) {
                ws.close();
                return;
            }
            // No connection_ack in time: the subgraph is not serving subscriptions as it should.
            long ackTimer = vertx.setTimer(ackTimeoutMillis, id -> {
                if (!finished.getAndSet(true)) {
                    emitter.fail(new SubgraphUnavailableException("Subgraph " + subgraph.name()
                            + " did not acknowledge the connection"));
                    ws.close((short) 4408, "Connection initialisation timeout");
                }
            });
            ws.textMessageHandler(text -> {
                Map<String, Object> message;
                try {
                    message = mapper.readValue(text, JSON_OBJECT);
                } catch (IOException e) {
                    finished.set(true);
                    emitter.fail(new SubgraphUnavailableException("Subgraph " + subgraph.name()
                            + " sent a message that is not JSON"));
                    ws.close((short) 4400, "Invalid message received");
                    return;
                }
                switch (String.valueOf(message.get("type"))) {
                    case "connection_ack" -> {
                        vertx.cancelTimer(ackTimer);
                        send(ws, Map.of("id", OPERATION_ID, "type", "subscribe", "payload", body));
                    }
                    case "next" -> {
                        if (message.get("payload") instanceof Map<?, ?> payload) {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> response = (Map<String, Object>) payload;
                            emitter.emit(response);
                        }
                    }
                    case "error" -> {
                        finished.set(true);
                        Object errors = message.get("payload");
                        emitter.emit(Map.of("errors", errors instanceof List<?> list ? list : List.of()));
                        emitter.complete();
                    }
                    case "complete" -> {
                        finished.set(true);
                        emitter.complete();
                    }
                    case "ping" -> send(ws, Map.of("type", "pong"));
                    default -> {
                        // pong and anything a later protocol version adds: nothing to do
                    }
                }
            });
            ws.closeHandler(ignored -> {
                vertx.cancelTimer(ackTimer);
                if (finished.getAndSet(true)) {
                    return;
                }
                Short code = ws.closeStatusCode();
                if (code != null && (code == 1008 || code == 4401 || code == 4403)) {
                    emitter.fail(new UpstreamAuthenticationException(subgraph.name() + " ended the subscription: "
                            + ws.closeReason()));
                } else {
                    LOG.warnf("Subgraph %s closed a subscription (%s %s)", subgraph.name(), code, ws.closeReason());
                    emitter.fail(new SubgraphUnavailableException("Subgraph " + subgraph.name()
                            + " closed the subscription"));
                }
            });
            send(ws, Map.of("type", "connection_init"));
        });
    }

    private void send(WebSocket ws, Map<String, Object> message) {
        try {
            ws.writeTextMessage(mapper.writeValueAsString(new LinkedHashMap<>(message)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
