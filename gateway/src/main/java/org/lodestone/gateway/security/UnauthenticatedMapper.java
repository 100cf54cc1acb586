package org.lodestone.gateway.security;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.lodestone.gateway.pipeline.GraphQLErrors;

/**
 * Missing or invalid bearer token on {@code /graphql}: HTTP 401 with a GraphQL error body, before
 * anything is parsed or sent to a subgraph. The reason is not detailed to the caller on purpose.
 */
public class UnauthenticatedMapper {

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class,
            AuthenticationCompletionException.class })
    public Response unauthenticated(RuntimeException failure) {
        String message = failure instanceof UnauthorizedException
                ? "Authentication required: send a bearer token"
                : "Invalid bearer token (signature, expiry, issuer or audience)";
        return Response.status(Response.Status.UNAUTHORIZED)
                .header("WWW-Authenticate", "Bearer")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("errors", List.of(GraphQLErrors.error(message, GraphQLErrors.UNAUTHENTICATED))))
                .build();
    }
}
