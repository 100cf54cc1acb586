package org.lodestone.support.webhook;

import java.util.Locale;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who manages webhooks, as the owning service reads the verified token: an admin, or a member speaking for a country.
 *
 * @param country the member's country claim (null when the token has none)
 */
public record WebhookCaller(String username, String country, boolean admin, boolean member) {

    /** The caller of the current request; the token's {@code country} claim, its realm roles. */
    public static WebhookCaller of(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            // the HTTP permission policy already answers 401; this guards code reached some other way
            throw new UnauthorizedException();
        }
        String country = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("country") != null
                && !jwt.getClaim("country").toString().isBlank()) {
            country = jwt.getClaim("country").toString().replace("\"", "").strip().toUpperCase(Locale.ROOT);
        }
        return new WebhookCaller(identity.getPrincipal().getName(), country, identity.hasRole("admin"),
                identity.hasRole("member"));
    }

    boolean isCountryMember() {
        return member && country != null;
    }
}
