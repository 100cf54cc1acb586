package org.lodestone.gateway.http;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.netty.buffer.Unpooled;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import org.lodestone.gateway.config.GatewayConfig;
import org.lodestone.gateway.execution.JsonCodec;
import org.lodestone.gateway.pipeline.GraphQLErrors;
import org.lodestone.gateway.pipeline.GraphQLRequest;
import org.lodestone.gateway.pipeline.GraphQLRequestProcessor;
import org.lodestone.gateway.pipeline.GraphQLResponse;
import org.lodestone.gateway.pipeline.RequestContext;
import org.lodestone.gateway.telemetry.OperationRecord;
import org.lodestone.gateway.telemetry.OperationTelemetry;
import org.lodestone.security.VerifiedTokenCache;

/**
 * The common GraphQL request served on Vert.x directly, without the REST layer: a POST of JSON with a bearer token the
 * gateway has already verified (and still remembers, {@link VerifiedTokenCache}), a body of known length within the
 * limit, asking for a single JSON result. It answers exactly as {@link GraphQLResource} does (statuses, media types,
 * error bodies, access log, metrics, spans), through the same pipeline.
 *
 * <p>Everything else goes on to {@link GraphQLResource}, decided from the headers alone, before the body is read: a
 * token seen for the first time or no longer remembered (its full verification happens there, and a refused token is
 * answered there), no or another kind of credentials, GET, another content type, a body without a length or over the
 * limit, {@code multipart/mixed}, an Accept header the gateway cannot satisfy.
 */
@Singleton
public class GraphQLPostRoute {

    @Inject
    GraphQLRequestProcessor processor;
    @Inject
    GatewayConfig config;
    @Inject
    OperationTelemetry telemetry;
    @Inject
    JsonCodec codec;
    @Inject
    VerifiedTokenCache tokens;
    /** Quarkus's own cap on a body; the REST layer answers a body over it. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    private final AtomicLong served = new AtomicLong();

    /** @return false when the request is not one this route serves (nothing was read or written) */
    boolean serve(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (request.method() != HttpMethod.POST) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (MultipartMixed.accepts(accept)) {
            return false;
        }
        String responseType = GraphQLResource.responseType(accept);
        if (responseType == null || !GraphQLResource.isUtf8Json(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            return false;
        }
        long length = contentLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length < 0 || length > config.limits().maxRequestBytes() || length > maxBodySize.asLongValue()) {
            return false;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        JsonWebToken token = authorization != null && authorization.startsWith("Bearer ")
                ? tokens.remembered(authorization.substring(7).trim()) : null;
        if (token == null) {
            return false;
        }
        served.incrementAndGet();
        String debug = request.getHeader(GraphQLResource.DEBUG_PLAN_HEADER);
        request.body().onComplete(body -> {
            if (body.failed()) {
                routing.fail(body.cause());
            } else {
                answer(routing, body.result(), responseType, authorization, token, debug);
            }
        });
        // Quarkus hands requests to routes paused; a body() handler alone does not start the flow.
        request.resume();
        return true;
    }

    /** Requests this route has served (the rest went to the REST resource). */
    long served() {
        return served.get();
    }

    private void answer(RoutingContext routing, Buffer body, String responseType, String authorization,
            JsonWebToken token, String debug) {
        HttpServerResponse response = routing.response();
        Map<String, Object> json;
        try {
            json = codec.readObject(body.getBytes());
        } catch (IOException e) {
            json = null;
        }
        if (json == null) {
            error(response, 400, responseType, "Request body is not a JSON object");
            return;
        }
        GraphQLRequest request = GraphQLRequest.fromBody(json);
        if (request == null) {
            error(response, 400, responseType, GraphQLRequest.EXPECTED_BODY);
            return;
        }
        boolean debugPlan = config.debugPlan() || (config.debugPlanHeader() && "true".equalsIgnoreCase(debug));
        RequestContext context = new RequestContext(authorization, true, token.getGroups(), false, debugPlan);
        OperationRecord operation = telemetry.start(request, token);
        // A client gone before its answer: the work stops and is recorded as the REST resource records it.
        AtomicBoolean gone = new AtomicBoolean();
        response.closeHandler(closed -> {
            if (!response.ended()) {
                gone.set(true);
                telemetry.finish(operation, 499, null);
            }
        });
        try {
            processor.processToJson(request, context, operation, codec, gone::get).onComplete(outcome -> {
                if (gone.get()) {
                    // Already recorded when the client went away; nobody to answer.
                    return;
                }
                if (outcome.succeeded()) {
                    respond(response, operation, outcome.result(), responseType);
                } else {
                    telemetry.finish(operation, 500, outcome.cause());
                    routing.fail(outcome.cause());
                }
            });
        } catch (RuntimeException e) {
            telemetry.finish(operation, 500, e);
            routing.fail(e);
        }
    }

    private void respond(HttpServerResponse response, OperationRecord operation, GraphQLResponse result,
            String responseType) {
        int status = result.status() != 0 ? result.status()
                : result.requestError() && responseType.equals(GraphQLResource.GRAPHQL_RESPONSE_JSON) ? 400 : 200;
        byte[] bytes;
        try {
            bytes = result.json() != null ? result.json() : codec.write(result.body());
        } catch (RuntimeException e) {
            telemetry.finish(operation, 500, e);
            response.setStatusCode(500).end();
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, responseType + "; charset=utf-8");
        if (status == 405) {
            response.putHeader("Allow", "POST");
        }
        telemetry.finish(operation, status, null);
        // Wrapped, not copied into a new buffer.
        response.end(Buffer.buffer(Unpooled.wrappedBuffer(bytes)));
    }

    private void error(HttpServerResponse response, int status, String responseType, String message) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, responseType + "; charset=utf-8")
                .end(Buffer.buffer(codec.write(Map.of("errors", List.of(GraphQLErrors.error(message,
                        GraphQLErrors.BAD_USER_INPUT))))));
    }

    private static long contentLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
