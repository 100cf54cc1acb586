package org.lodestone.support.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Vert.x cuts a body over {@code quarkus.http.limits.max-body-size} with a bare 413 before any resource runs. This
 * first route answers a declared oversized Content-Length with the same 413 as problem+json instead, without reading
 * the body. Chunked bodies without a length are still stopped by the HTTP layer (bare 413), or by a
 * {@link LimitedInputStream} where a resource streams its body.
 */
@ApplicationScoped
public class OversizedBodyGuard {

    private static final String BODY = "{\"type\":\"" + Problem.type("payload-too-large") + "\","
            + "\"title\":\"Request Entity Too Large\",\"status\":413,"
            + "\"detail\":\"The request body is larger than this service accepts.\"}";

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
            // a malformed length is the HTTP layer's to reject, not this check's
            return -1;
        }
    }
}
