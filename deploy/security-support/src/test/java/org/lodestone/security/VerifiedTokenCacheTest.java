package org.lodestone.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** The verified-token memory in front of the real verifier, with a fake verifier and a settable clock. */
class VerifiedTokenCacheTest {

    private static final long NOW = 1_900_000_000L;

    private final List<String> verifications = new ArrayList<>();
    private Instant now = Instant.ofEpochSecond(NOW);
    private long expiresAt = NOW + 900;
    private boolean reject;

    private final JWTParser verifier = new DefaultJWTParser() {
        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.add(token);
            if (reject) {
                throw new ParseException("bad signature");
            }
            JwtClaims claims = new JwtClaims();
            claims.setSubject("sub-" + token);
            claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(expiresAt));
            return new DefaultJWTCallerPrincipal(token, claims);
        }
    };

    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgainWhileValid() throws ParseException {
        JsonWebToken first = cache.parse("token-a");
        JsonWebToken second = cache.parse("token-a");

        assertSame(first, second);
        assertEquals(List.of("token-a"), verifications);
    }

    @Test
    void rememberedGivesOnlyAFullyVerifiedTokenWithinItsTime() throws ParseException {
        assertNull(cache.remembered("token-r"), "never verified");
        reject = true;
        assertThrows(ParseException.class, () -> cache.parse("token-r"));
        assertNull(cache.remembered("token-r"), "a refused token is not remembered");
        reject = false;
        JsonWebToken verified = cache.parse("token-r");
        assertSame(verified, cache.remembered("token-r"));
        assertEquals(2, verifications.size(), "remembered() verifies nothing itself");
        now = now.plusSeconds(VerifiedTokenCache.MAX_SECONDS);
        assertNull(cache.remembered("token-r"), "past the time it is remembered for");
    }

    @Test
    void anyOtherTokenTextIsVerified() throws ParseException {
        cache.parse("header.claims.signature");
        cache.parse("header.claims.signaturf");

        assertEquals(2, verifications.size(), "a token differing only in its signature is verified on its own");
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndItsRejectionReachesTheCaller() throws ParseException {
        cache.parse("token-a");
        now = Instant.ofEpochSecond(expiresAt);
        reject = true;

        assertThrows(ParseException.class, () -> cache.parse("token-a"));
        assertEquals(2, verifications.size());
    }

    @Test
    void aLongLivedTokenIsRememberedAtMostFiveMinutes() throws ParseException {
        expiresAt = NOW + 24 * 3600;
        cache.parse("token-a");
        now = Instant.ofEpochSecond(NOW + VerifiedTokenCache.MAX_SECONDS - 1);
        cache.parse("token-a");
        assertEquals(1, verifications.size());

        now = Instant.ofEpochSecond(NOW + VerifiedTokenCache.MAX_SECONDS);
        cache.parse("token-a");
        assertEquals(2, verifications.size(), "verified again once the bound is reached");
    }

    @Test
    void rejectionsAreNeverRemembered() {
        reject = true;

        assertThrows(ParseException.class, () -> cache.parse("forged"));
        assertThrows(ParseException.class, () -> cache.parse("forged"));
        assertEquals(2, verifications.size());
        assertEquals(0, cache.size());
    }
}
