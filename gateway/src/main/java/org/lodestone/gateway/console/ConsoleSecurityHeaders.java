package org.lodestone.gateway.console;

import java.net.URI;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * A strict Content-Security-Policy on the console's routes: scripts and styles only from the gateway itself (no
 * inline script or style), network calls only to the gateway and the Keycloak realm (token and refresh requests),
 * no framing. The GraphQL endpoint and the management routes answer JSON and keep their own headers.
 */
@Singleton
public class ConsoleSecurityHeaders {

    @Inject
    ConsoleConfig config;

    void register(@Observes Filters filters) {
        String policy = policy(config.issuer());
        filters.register(context -> {
            String path = context.normalizedPath();
            if (!path.startsWith("/graphql") && !path.startsWith("/q/")) {
                context.response().headers()
                        .set("Content-Security-Policy", policy)
                        .set("X-Content-Type-Options", "nosniff")
                        .set("Referrer-Policy", "no-referrer")
                        .set("X-Frame-Options", "DENY");
            }
            context.next();
        }, 10);
    }

    static String policy(String issuer) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' " + origin(issuer) + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** scheme://host[:port] of the issuer: the browser fetches the realm's discovery document and token endpoint there. */
    static String origin(String issuer) {
        URI uri = URI.create(issuer);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
