package org.lodestone.agreement.rest;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Vert.x cuts a body over {@code quarkus.http.limits.max-body-size} with a bare 413 before any resource runs.
 * This first route answers a declared oversized Content-Length with the same 413 as problem+json instead, without
 * reading the body. Chunked bodies without a length are still stopped by the HTTP layer (bare 413).
 */
@ApplicationScoped
public class OversizedBodyGuard {

    private static final String BODY = "{\"type\":\"" + Problem.TYPE_BASE + "payload-too-large\","
            + "\"title\":\"Payload too large\",\"status\":413,"
            + "\"detail\":\"The request body is larger than this service accepts\"}";

    private final long limit;

    public OversizedBodyGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.limit = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH)) > limit) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(BODY);
            } else {
                context.next();
            }
        });
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            // a malformed length is the HTTP layer's to reject
            return -1;
        }
    }
}
