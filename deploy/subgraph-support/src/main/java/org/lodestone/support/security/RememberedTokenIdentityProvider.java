package org.lodestone.support.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lodestone.security.VerifiedTokenCache;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The identity of a bearer token that {@link VerifiedTokenCache} verified in full a moment ago (signature, issuer,
 * audience, expiry) and still remembers, built on the calling thread.
 * <p>
 * smallrye-jwt's own provider verifies on a worker thread whenever the keys come from a URL (Keycloak's JWKS, as in
 * the local stack and the Kubernetes pods), because fetching them may block; every request then hops to a worker
 * thread and back, although nearly every token is one it verified a moment ago and needs no key at all. This provider
 * runs first: for a remembered token it answers at once with the identity smallrye-jwt would build (the token as
 * principal, its groups as roles, the credential and the routing context, plus the expiry
 * {@link TokenExpiryAugmentor} records); for any other token it answers nothing,
 * and smallrye-jwt's provider verifies the token in full as before (and its parser, the cache, remembers it once it
 * passes). A token is never accepted here that was not accepted there, and never past its expiry.
 */
@ApplicationScoped
public class RememberedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Before smallrye-jwt's provider, which keeps the default priority. */
    static final int PRIORITY = IdentityProvider.SYSTEM_FIRST + 2;

    private final VerifiedTokenCache tokens;

    RememberedTokenIdentityProvider(VerifiedTokenCache tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof JsonWebTokenCredential credential)) {
            return Uni.createFrom().nullItem();
        }
        JsonWebToken token = tokens.remembered(credential.getToken());
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addCredential(credential)
                .addRoles(token.getGroups())
                .addAttribute("quarkus.user", token);
        if (token.getExpirationTime() > 0) {
            // what TokenExpiryAugmentor would add, so that it has nothing to rebuild
            identity.addAttribute(TokenExpiryAugmentor.EXPIRE_TIME, token.getExpirationTime());
        }
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext != null) {
            identity.addAttribute(RoutingContext.class.getName(), routingContext);
        }
        return Uni.createFrom().item(identity.build());
    }
}
