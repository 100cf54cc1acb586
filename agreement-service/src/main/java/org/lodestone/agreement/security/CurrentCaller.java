package org.lodestone.agreement.security;

import java.util.Locale;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lodestone.support.problem.ForbiddenException;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads the caller from the verified bearer token of the current request. */
@ApplicationScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    public Caller get() {
        if (identity.isAnonymous()) {
            // the HTTP permission policy already answers 401; this guards code reached some other way
            throw new UnauthorizedException();
        }
        String country = null;
        String username = identity.getPrincipal().getName();
        String subject = username;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim("country");
            if (claim != null && !claim.toString().isBlank()) {
                country = claim.toString().replace("\"", "").trim().toUpperCase(Locale.ROOT);
            }
            if (jwt.getSubject() != null) {
                subject = jwt.getSubject();
            }
        }
        return new Caller(subject, username, country, Set.copyOf(identity.getRoles()));
    }

    /** The caller when an admin; {@link ForbiddenException} "Only admins may ..." otherwise. */
    public Caller admin(String mayWhat) {
        Caller caller = get();
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only admins may " + mayWhat);
        }
        return caller;
    }
}
