package org.lodestone.gateway.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.jboss.logging.Logger;

import org.lodestone.gateway.config.GatewayConfig;
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
 * The streaming transports at {@code /graphql}, ahead of the plain GraphQL-over-HTTP resource
 * ({@link GraphQLResource}), which gets every other request but the common POST that {@link GraphQLPostRoute} serves:
 * <ul>
 * <li>a WebSocket upgrade asking for {@code graphql-transport-ws}: {@link GraphQLWebSocketSession};</li>
 * <li>a POST or GET accepting {@code text/event-stream}: GraphQL over Server-Sent Events in distinct-connections
 * mode, {@code event: next} per result and {@code event: complete} at the end. The bearer token is checked before
 * the stream starts (401 otherwise); when it expires, the stream sends a last {@code next} with an
 * {@code UNAUTHENTICATED} error and completes.</li>
 * </ul>
 */
@Singleton
public class GraphQLStreamingRoutes {

    static final String EVENT_STREAM = "text/event-stream";
    private static final Logger LOG = Logger.getLogger(GraphQLStreamingRoutes.class);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    @Inject
    GraphQLRequestProcessor processor;
    @Inject
    TokenVerifier verifier;
    @Inject
    ObjectMapper mapper;
    @Inject
    GatewayConfig config;
    @Inject
    Vertx vertx;
    @Inject
    StreamingTelemetry telemetry;
    @Inject
    GraphQLPostRoute post;

    void register(@Observes Router router) {
        router.route("/graphql").handler(this::route);
    }

    private void route(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        String upgrade = request.getHeader(HttpHeaders.UPGRADE);
        if (request.method() == HttpMethod.GET && upgrade != null && upgrade.equalsIgnoreCase("websocket")) {
            upgrade(routing);
        } else if ((request.method() == HttpMethod.POST || request.method() == HttpMethod.GET)
                && acceptsEventStream(request.getHeader(HttpHeaders.ACCEPT))) {
            serverSentEvents(routing);
        } else if (!post.serve(routing)) {
            routing.next();
        }
    }

    // ---- WebSocket ------------------------------------------------------------------------------------------------

    private void upgrade(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        String protocols = request.getHeader("Sec-WebSocket-Protocol");
        if (protocols == null || List.of(protocols.split(",")).stream().map(String::trim)
                .noneMatch(GraphQLWebSocketSession.PROTOCOL::equals)) {
            routing.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(json(errors("Ask for the WebSocket subprotocol " + GraphQLWebSocketSession.PROTOCOL,
                            GraphQLErrors.BAD_USER_INPUT)));
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            accept(routing, null);
            return;
        }
        // A token in the upgrade request must be valid (as on every HTTP request); connection_init may then omit it.
        request.pause();
        verifier.verify(authorization).onComplete(verified -> {
            request.resume();
            if (verified.failed()) {
                unauthorized(routing.response());
            } else {
                accept(routing, authorization);
            }
        });
    }

    private void accept(RoutingContext routing, String authorization) {
        routing.request().toWebSocket().onSuccess(socket -> new GraphQLWebSocketSession(socket, vertx, mapper,
                processor, verifier, authorization, telemetry).start(config.alerts().connectionInitTimeout().toMillis(),
                        config.alerts().keepAlive().toMillis()))
                .onFailure(failure -> LOG.debugf("WebSocket upgrade failed: %s", failure.toString()));
    }

    // ---- Server-Sent Events ---------------------------------------------------------------------------------------

    private void serverSentEvents(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        HttpServerResponse response = routing.response();
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        request.pause();
        verifier.verify(authorization).onComplete(verified -> {
            if (verified.failed()) {
                request.resume();
                unauthorized(response);
                return;
            }
            boolean get = request.method() == HttpMethod.GET;
            RequestContext context = new RequestContext(authorization, true, verified.result().getGroups(), get, false);
            long expiresAt = verified.result().getExpirationTime() * 1000;
            StreamRecord record = telemetry.record(Transport.SSE, verified.result().getSubject());
            if (get) {
                request.resume();
                stream(routing, fromParameters(routing), context, expiresAt, record);
            } else if (!isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
                request.resume();
                requestError(response, 415, "Send the request as application/json (UTF-8)");
            } else {
                request.body().onSuccess(body -> stream(routing, fromBody(body), context, expiresAt, record))
                        .onFailure(failure -> requestError(response, 400, "Cannot read the request body"));
                request.resume();
            }
        });
    }

    private void stream(RoutingContext routing, Object parsed, RequestContext context, long expiresAt,
            StreamRecord record) {
        HttpServerResponse response = routing.response();
        if (parsed instanceof String problem) {
            requestError(response, 400, problem);
            return;
        }
        OperationStream stream = processor.stream((GraphQLRequest) parsed, context, record);
        if (stream.rejected() != null) {
            int status = stream.rejected().status() != 0 ? stream.rejected().status() : 400;
            if (status == 405) {
                response.putHeader(HttpHeaders.ALLOW, "POST");
            }
            response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                    .end(json(stream.rejected().body()));
            return;
        }
        record.begin();
        response.setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, EVENT_STREAM + "; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").putHeader("X-Accel-Buffering", "no");
        // A comment line sends the headers at once, so the client sees the stream open before the first event.
        response.write(":\n\n");
        AtomicBoolean ended = new AtomicBoolean();
        AtomicReference<Cancellable> running = new AtomicReference<>();
        long keepAlive = vertx.setPeriodic(config.alerts().keepAlive().toMillis(), id -> {
            if (!ended.get()) {
                response.write(":\n\n");
            }
        });
        long delay = expiresAt > 0 ? expiresAt - System.currentTimeMillis() : -1;
        long expiry = expiresAt <= 0 ? -1 : vertx.setTimer(Math.max(1, delay), id -> {
            if (!ended.get()) {
                event(response, "next", json(errors("Token expired", GraphQLErrors.UNAUTHENTICATED)));
                record.end(Reason.TOKEN_EXPIRED, 0);
                end(response, ended, running, keepAlive, -1);
            }
        });
        response.closeHandler(ignored -> {
            end(null, ended, running, keepAlive, expiry);
            // Recorded only if nothing else ended the stream first (the client went away).
            record.end(Reason.CLIENT, 0);
        });
        running.set(stream.results().subscribe().with(
                result -> {
                    if (!ended.get()) {
                        event(response, "next", json(result));
                        record.sent();
                    }
                },
                failure -> {
                    if (failure instanceof UpstreamAuthenticationException) {
                        event(response, "next", json(errors("Token expired", GraphQLErrors.UNAUTHENTICATED)));
                        record.end(Reason.TOKEN_EXPIRED, 0);
                    } else {
                        String errorId = UUID.randomUUID().toString();
                        LOG.errorf(failure, "Subscription failed unexpectedly (error id %s)", errorId);
                        event(response, "next", json(errors("Internal error (error id " + errorId + ")",
                                GraphQLErrors.INTERNAL)));
                        record.end(Reason.ERROR, 0);
                    }
                    end(response, ended, running, keepAlive, expiry);
                },
                () -> {
                    record.end(Reason.COMPLETED, 0);
                    end(response, ended, running, keepAlive, expiry);
                }));
        if (ended.get()) {
            running.get().cancel();
        }
    }

    /** Ends the stream once: {@code event: complete} when the response is still open, upstream cancelled. */
    private void end(HttpServerResponse response, AtomicBoolean ended, AtomicReference<Cancellable> running,
            long keepAlive, long expiry) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        vertx.cancelTimer(keepAlive);
        if (expiry >= 0) {
            vertx.cancelTimer(expiry);
        }
        Cancellable cancellable = running.get();
        if (cancellable != null) {
            cancellable.cancel();
        }
        if (response != null && !response.ended() && !response.closed()) {
            response.write("event: complete\ndata:\n\n");
            response.end();
        }
    }

    private static void event(HttpServerResponse response, String name, String data) {
        if (!response.ended() && !response.closed()) {
            response.write("event: " + name + "\ndata: " + data + "\n\n");
        }
    }

    /** A {@link GraphQLRequest}, or the message saying what is wrong with the body. */
    private Object fromBody(Buffer body) {
        Map<String, Object> json;
        try {
            json = mapper.readValue(body.getBytes(), JSON_OBJECT);
        } catch (IOException e) {
            return "Request body is not a JSON object";
        }
        if (json == null) {
            return "Request body is not a JSON object";
        }
        return request(json.get("query"), json.get("operationName"), json.get("variables"), json.get("extensions"));
    }

    private Object fromParameters(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        try {
            String variables = request.getParam("variables");
            String extensions = request.getParam("extensions");
            return request(request.getParam("query"), request.getParam("operationName"),
                    variables == null || variables.isBlank() ? null : mapper.readValue(variables, JSON_OBJECT),
                    extensions == null || extensions.isBlank() ? null : mapper.readValue(extensions, JSON_OBJECT));
        } catch (IOException e) {
            return "\"variables\" and \"extensions\" must be JSON objects";
        }
    }

    @SuppressWarnings("unchecked")
    private static Object request(Object query, Object operationName, Object variables, Object extensions) {
        if (!(query instanceof String) || (operationName != null && !(operationName instanceof String))
                || (variables != null && !(variables instanceof Map)) || (extensions != null && !(extensions instanceof Map))) {
            return "Expected {\"query\": string, \"operationName\"?: string, \"variables\"?: object, \"extensions\"?: object}";
        }
        return new GraphQLRequest((String) query, (String) operationName, (Map<String, Object>) variables,
                (Map<String, Object>) extensions);
    }

    /** True when the client lists {@code text/event-stream} with a non-zero quality. */
    static boolean acceptsEventStream(String accept) {
        for (AcceptedType type : AcceptedType.parse(accept)) {
            if (type.is("text", "event-stream")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] pieces = contentType.split(";");
        if (!pieces[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].trim().toLowerCase();
            if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    private void unauthorized(HttpServerResponse response) {
        response.setStatusCode(401).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader("WWW-Authenticate", "Bearer")
                .end(json(errors("Authentication required: send a valid bearer token", GraphQLErrors.UNAUTHENTICATED)));
    }

    private void requestError(HttpServerResponse response, int status, String message) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(json(errors(message, GraphQLErrors.BAD_USER_INPUT)));
    }

    private static Map<String, Object> errors(String message, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(GraphQLErrors.error(message, code)));
        return body;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
