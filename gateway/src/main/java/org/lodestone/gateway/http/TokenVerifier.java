package org.lodestone.gateway.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token for the streaming transports with the same parser (and so the same issuer, audience, key
 * set and memory of verified tokens) as every HTTP request, off the event loop since a key refresh may fetch the
 * issuer's key set.
 */
@ApplicationScoped
public class TokenVerifier {

    @Inject
    JWTParser parser;
    @Inject
    Vertx vertx;

    /** @param authorization an {@code Authorization} header value; a failed future unless it is a valid bearer token */
    public Future<JsonWebToken> verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Future.failedFuture(new IllegalArgumentException("not a bearer token"));
        }
        String token = authorization.substring(7).trim();
        return vertx.executeBlocking(() -> parser.parse(token), false);
    }
}
