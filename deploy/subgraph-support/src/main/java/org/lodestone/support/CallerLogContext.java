package org.lodestone.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

import io.quarkus.security.spi.runtime.AuthenticationSuccessEvent;
import io.smallrye.common.vertx.VertxContext;

/**
 * Puts the authenticated caller's subject ({@code sub}) and {@code country} claim into the logging MDC, so every
 * line a service logs while serving a request says whose request it was (JSON logs carry the MDC; the trace and
 * span ids are added by OpenTelemetry). Only on the request's own Vert.x context, where the MDC lives and dies with
 * the request: a value put anywhere else could end up on another caller's lines.
 */
@ApplicationScoped
public class CallerLogContext {

    public static final String SUBJECT = "subject";
    public static final String COUNTRY = "country";

    void authenticated(@Observes AuthenticationSuccessEvent event) {
        if (!VertxContext.isOnDuplicatedContext()
                || !(event.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token)) {
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
