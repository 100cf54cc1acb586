package org.lodestone.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.lodestone.security.VerifiedTokenCache;
import org.lodestone.testing.TestTokens;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The identity of a remembered token, with the real verifier (smallrye-jwt's parser behind {@link VerifiedTokenCache})
 * configured as the services are, and real tokens signed by the test key pair (or by a key nobody trusts).
 */
class RememberedTokenIdentityProviderTest {

    /** The provider never verifies anything, so it never needs a worker thread. */
    private static final AuthenticationRequestContext NO_BLOCKING = supplier -> fail("asked to block");

    private final VerifiedTokenCache cache = new VerifiedTokenCache(context());
    private final RememberedTokenIdentityProvider provider = new RememberedTokenIdentityProvider(cache);

    private static JWTAuthContextInfo context() {
        try {
            JWTAuthContextInfo context = new JWTAuthContextInfo(KeyUtils.readPublicKey("lodestone-test-public.pem"),
                    TestTokens.ISSUER);
            context.setExpectedAudience(Set.of(TestTokens.AUDIENCE));
            context.setGroupsPath("realm_access/roles");
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private SecurityIdentity identity(String token) {
        return provider.authenticate(new TokenAuthenticationRequest(new JsonWebTokenCredential(token)), NO_BLOCKING)
                .await().indefinitely();
    }

    @Test
    void aTokenNotYetVerifiedIsLeftToTheFullVerification() {
        assertNull(identity(TestTokens.member("JP")));
    }

    @Test
    void aVerifiedTokenGetsTheIdentitySmallryeJwtBuilds() throws ParseException {
        String token = TestTokens.member("JP");
        JsonWebToken verified = cache.parse(token);

        SecurityIdentity identity = identity(token);

        assertNotNull(identity);
        assertSame(verified, identity.getPrincipal());
        assertEquals("jp-member", identity.getPrincipal().getName());
        assertEquals(Set.of("member"), identity.getRoles());
        assertEquals(token, identity.getCredential(TokenCredential.class).getToken());
        assertSame(verified, identity.getAttribute("quarkus.user"));
        assertEquals(verified.getExpirationTime(), (Long) identity.getAttribute(TokenExpiryAugmentor.EXPIRE_TIME));
    }

    @Test
    void refusedTokensAreNeverRemembered() {
        for (String token : new String[] { TestTokens.forged(), TestTokens.expired(), TestTokens.wrongIssuer(),
                TestTokens.wrongAudience() }) {
            assertThrows(ParseException.class, () -> cache.parse(token));
            assertNull(identity(token), "a refused token got an identity");
        }
    }

    @Test
    void aTokenWithAnotherSignatureIsNotTheRememberedOne() throws ParseException {
        String token = TestTokens.member("JP");
        cache.parse(token);
        String forged = TestTokens.forged();
        String tampered = token.substring(0, token.lastIndexOf('.')) + forged.substring(forged.lastIndexOf('.'));

        assertNull(identity(tampered));
        assertThrows(ParseException.class, () -> cache.parse(tampered));
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() throws Exception {
        String token = TestTokens.memberExpiringIn("DE", Duration.ofSeconds(5));
        long expires = cache.parse(token).getExpirationTime();
        assertNotNull(identity(token));

        while (System.currentTimeMillis() / 1000 < expires) {
            Thread.sleep(100);
        }

        // from now on only the full verification decides (with the clock skew it is configured with)
        assertNull(identity(token), "an expired token got an identity");
    }

    @Test
    void otherCredentialsAreLeftToTheirProviders() {
        TokenCredential other = new TokenCredential(TestTokens.member("JP"), "bearer");
        assertNull(provider.authenticate(new TokenAuthenticationRequest(other), NO_BLOCKING).await().indefinitely());
    }
}
