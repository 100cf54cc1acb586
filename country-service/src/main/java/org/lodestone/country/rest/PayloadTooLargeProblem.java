package org.lodestone.country.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Quarkus refuses a body over {@code quarkus.http.limits.max-body-size} with a bare 413 before any resource runs.
 * This route runs first and answers the same 413 with a problem+json body when the declared length is too large;
 * chunked bodies without a length are still cut off by Quarkus itself (bare 413).
 */
@ApplicationScoped
public class PayloadTooLargeProblem {

    private static final String BODY = "{\"type\":\"urn:lodestone:problem:payload-too-large\","
            + "\"title\":\"Request Entity Too Large\",\"status\":413,"
            + "\"detail\":\"The request body exceeds the size this service accepts.\"}";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isOver(declared, limit)) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(BODY);
            } else {
                context.next();
            }
        });
    }

    private static boolean isOver(String declaredLength, long limit) {
        try {
            return Long.parseLong(declaredLength.strip()) > limit;
        } catch (NumberFormatException e) {
            // a malformed length is for the HTTP layer to reject, not for this check
            return false;
        }
    }
}
