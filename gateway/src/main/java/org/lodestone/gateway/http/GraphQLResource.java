package org.lodestone.gateway.http;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import org.lodestone.gateway.config.GatewayConfig;
import org.lodestone.gateway.execution.JsonCodec;
import org.lodestone.gateway.pipeline.GraphQLErrors;
import org.lodestone.gateway.pipeline.GraphQLRequest;
import org.lodestone.gateway.pipeline.GraphQLRequestProcessor;
import org.lodestone.gateway.pipeline.GraphQLResponse;
import org.lodestone.gateway.pipeline.RequestContext;
import org.lodestone.gateway.telemetry.OperationRecord;
import org.lodestone.gateway.telemetry.OperationTelemetry;

/**
 * GraphQL over HTTP at {@code /graphql}: POST with {@code application/json}, GET for queries.
 * Answers {@code application/graphql-response+json} when the client accepts it (request errors
 * then get 400), else {@code application/json} (request errors then get 200, per the spec).
 */
@Path("/graphql")
@Authenticated
public class GraphQLResource {

    static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    static final String DEBUG_PLAN_HEADER = "X-Lodestone-Debug-Plan";
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    @Inject
    GraphQLRequestProcessor processor;
    @Inject
    GatewayConfig config;
    @Inject
    SecurityIdentity identity;
    @Inject
    ObjectMapper mapper;
    @Inject
    OperationTelemetry telemetry;
    @Inject
    JsonCodec codec;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> post(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(DEBUG_PLAN_HEADER) String debug) {
        boolean multipart = MultipartMixed.accepts(accept);
        String responseType = singleResponseType(accept, multipart);
        if (responseType == null) {
            return Uni.createFrom().item(notAcceptable());
        }
        if (!isUtf8Json(contentType)) {
            return Uni.createFrom().item(error(415, responseType, "Send the request as application/json (UTF-8)"));
        }
        if (body.length > config.limits().maxRequestBytes()) {
            return Uni.createFrom().item(error(413, responseType, "Request body is " + body.length
                    + " bytes; the limit is " + config.limits().maxRequestBytes()));
        }
        Map<String, Object> json;
        try {
            json = mapper.readValue(body, JSON_OBJECT);
        } catch (IOException e) {
            return Uni.createFrom().item(error(400, responseType, "Request body is not a JSON object"));
        }
        if (json == null) {
            return Uni.createFrom().item(error(400, responseType, "Request body is not a JSON object"));
        }
        GraphQLRequest request = GraphQLRequest.fromBody(json);
        if (request == null) {
            return Uni.createFrom().item(error(400, responseType, GraphQLRequest.EXPECTED_BODY));
        }
        return run(request,
                false, responseType, multipart, authorization, debug);
    }

    @GET
    public Uni<Response> get(@QueryParam("query") String query, @QueryParam("operationName") String operationName,
            @QueryParam("variables") String variables, @QueryParam("extensions") String extensions,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(DEBUG_PLAN_HEADER) String debug) {
        boolean multipart = MultipartMixed.accepts(accept);
        String responseType = singleResponseType(accept, multipart);
        if (responseType == null) {
            return Uni.createFrom().item(notAcceptable());
        }
        if (query == null) {
            return Uni.createFrom().item(error(400, responseType, "Missing query parameter \"query\""));
        }
        Map<String, Object> parsedVariables;
        Map<String, Object> parsedExtensions;
        try {
            parsedVariables = variables == null || variables.isBlank() ? null : mapper.readValue(variables, JSON_OBJECT);
            parsedExtensions = extensions == null || extensions.isBlank() ? null : mapper.readValue(extensions, JSON_OBJECT);
        } catch (IOException e) {
            return Uni.createFrom().item(error(400, responseType, "\"variables\" and \"extensions\" must be JSON objects"));
        }
        return run(new GraphQLRequest(query, operationName, parsedVariables, parsedExtensions), true, responseType,
                multipart, authorization, debug);
    }

    /**
     * @param multipart the client accepts an incremental response ({@code multipart/mixed}), used for queries with
     *        {@code @defer}; every other answer is a single result of {@code responseType}
     */
    private Uni<Response> run(GraphQLRequest request, boolean readOnly, String responseType, boolean multipart,
            String authorization, String debug) {
        boolean debugPlan = config.debugPlan() || (config.debugPlanHeader() && "true".equalsIgnoreCase(debug));
        Set<String> roles = identity.getRoles();
        RequestContext context = new RequestContext(authorization, !identity.isAnonymous(), roles, readOnly, debugPlan);
        OperationRecord operation = telemetry.start(request, identity);
        Uni<GraphQLResponse> processed;
        try {
            processed = multipart ? processor.processIncremental(request, context, operation)
                    : processor.process(request, context, operation);
        } catch (RuntimeException e) {
            telemetry.finish(operation, 500, e);
            throw e;
        }
        return processed.map(response -> {
            if (response.isIncremental()) {
                return Response.ok().type(MultipartMixed.CONTENT_TYPE).entity(new MultipartMixed(Multi.createBy()
                        .concatenating().streams(Multi.createFrom().item(response.body()), response.subsequent())
                        .map(this::json))).build();
            }
            int status = response.status() != 0 ? response.status()
                    : response.requestError() && responseType.equals(GRAPHQL_RESPONSE_JSON) ? 400 : 200;
            // Written here, once, straight from the shaped tree (no data binding on the way out).
            Response.ResponseBuilder builder = Response.status(status).type(withCharset(responseType))
                    .entity(codec.write(response.body()));
            if (status == 405) {
                builder.header("Allow", "POST");
            }
            return builder.build();
        }).onItemOrFailure().invoke((response, failure) -> telemetry.finish(operation,
                response == null ? 500 : response.getStatus(), failure))
                .onCancellation().invoke(() -> telemetry.finish(operation, 499, null));
    }

    private byte[] json(Map<String, Object> payload) {
        return codec.write(payload);
    }

    /** As {@link #responseType(String)}; a client accepting only {@code multipart/mixed} gets JSON for single results. */
    private static String singleResponseType(String accept, boolean multipart) {
        String type = responseType(accept);
        return type == null && multipart ? MediaType.APPLICATION_JSON : type;
    }

    static boolean isUtf8Json(String contentType) {
        if (contentType == null) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String charset = type.getParameters().get("charset");
        return type.getType().equals("application") && type.getSubtype().equals("json")
                && (charset == null || charset.equalsIgnoreCase("utf-8"));
    }

    /**
     * The media type to answer with, or null when the client accepts neither GraphQL JSON type.
     * No Accept header or a wildcard gets {@code application/json}, which every client understands (the
     * GraphQL-over-HTTP spec asks for it until legacy clients are gone, and its audit checks it).
     */
    static String responseType(String accept) {
        if (accept == null || accept.isBlank()) {
            return MediaType.APPLICATION_JSON;
        }
        String best = null;
        double bestScore = 0;
        for (AcceptedType type : AcceptedType.parse(accept)) {
            // Quality first; then an explicit type beats a wildcard, and graphql-response+json beats json.
            String candidate;
            double specificity;
            if (type.is("application", "graphql-response+json")) {
                candidate = GRAPHQL_RESPONSE_JSON;
                specificity = 0.003;
            } else if (type.is("application", "json")) {
                candidate = MediaType.APPLICATION_JSON;
                specificity = 0.002;
            } else if (type.type().equals("*") || type.is("application", "*")) {
                candidate = MediaType.APPLICATION_JSON;
                specificity = 0.001;
            } else {
                continue;
            }
            double score = type.quality() + specificity;
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static Response notAcceptable() {
        return Response.status(406).type(MediaType.APPLICATION_JSON).entity(Map.of("errors", List.of(GraphQLErrors.error(
                "Accept application/graphql-response+json or application/json", GraphQLErrors.BAD_USER_INPUT))))
                .build();
    }

    private static String withCharset(String mediaType) {
        return mediaType + "; charset=utf-8";
    }

    private static Response error(int status, String responseType, String message) {
        return Response.status(status).type(withCharset(responseType))
                .entity(Map.of("errors", List.of(GraphQLErrors.error(message, GraphQLErrors.BAD_USER_INPUT)))).build();
    }
}
