package org.lodestone.support.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Records when the bearer token expires as the identity attribute Quarkus reads to end long-lived connections: a
 * GraphQL WebSocket (subscriptions) is closed with code 1008 "Authentication expired" at that moment. smallrye-jwt
 * does not set the attribute itself (quarkus-oidc does).
 */
@ApplicationScoped
public class TokenExpiryAugmentor implements SecurityIdentityAugmentor {

    /** The attribute name Quarkus reads (seconds since the epoch). */
    public static final String EXPIRE_TIME = "quarkus.identity.expire-time";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(EXPIRE_TIME) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addAttribute(EXPIRE_TIME, jwt.getExpirationTime()).build());
    }
}
