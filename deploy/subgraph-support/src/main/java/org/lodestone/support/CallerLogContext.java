package org.lodestone.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.ext.web.Router;

/**
 * Puts the authenticated caller's subject ({@code sub}) and {@code country} claim into the logging MDC, so every
 * line a service logs while serving a request says whose request it was (JSON logs carry the MDC; the trace and
 * span ids are added by OpenTelemetry). Only on the request's own Vert.x context, where the MDC lives and dies with
 * the request: a value put anywhere else could end up on another caller's lines.
 * <p>
 * A route right after HTTP security has authenticated the caller does it, rather than an observer of Quarkus's
 * {@code AuthenticationSuccessEvent}: while any bean observes that event, Quarkus fires it with every request both
 * synchronously and asynchronously, and the asynchronous delivery wakes a worker thread per request for nothing.
 */
@ApplicationScoped
public class CallerLogContext {

    public static final String SUBJECT = "subject";
    public static final String COUNTRY = "country";

    /** After HTTP security's authentication filter (order -200), before its authorization filter (-100). */
    static final int ORDER = -150;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            if (context.user() instanceof QuarkusHttpUser user
                    && user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token) {
                authenticated(token);
            }
            context.next();
        });
    }

    static void authenticated(JsonWebToken token) {
        if (!VertxContext.isOnDuplicatedContext()) {
            return;
        }
        if (token.getSubject() != null) {
            MDC.put(SUBJECT, token.getSubject());
        }
        Object country = token.getClaim(COUNTRY);
        if (country != null) {
            MDC.put(COUNTRY, country.toString().replace("\"", ""));
        }
    }
}
