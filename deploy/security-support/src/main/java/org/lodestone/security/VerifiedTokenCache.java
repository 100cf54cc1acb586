package org.lodestone.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer-token verification with a memory of tokens already verified, in the gateway and in each service: the same
 * caller sends the same token with every request (and the gateway forwards it with every subgraph request), and
 * checking its RSA signature and claims again each time was a visible share of CPU per request (BigInteger arithmetic
 * in the profiles).
 * A token is remembered by its exact text (header, claims and signature, so any change is a new token), only after
 * the full verification succeeded (signature, issuer, audience, expiry), and only until it expires, at most
 * {@link #MAX_SECONDS}: that bound is how long a token stays accepted after its signing key is withdrawn from the
 * issuer's key set. Failures are never remembered.
 *
 * <p>A singleton, not application scoped: it is asked on every request (the gateway's fast route asks it before
 * anything else), and an application-scoped bean is reached through a client proxy that looks its instance up in the
 * context on every call, which showed in the gateway's profile.
 */
@Alternative
@Priority(1)
@Singleton
public class VerifiedTokenCache implements JWTParser {

    // Short next to the JWKS refresh (5 min), so a withdrawn key stops working about as soon as without the cache.
    static final long MAX_SECONDS = 30;
    static final int MAX_ENTRIES = 10_000;

    private record Verified(JsonWebToken token, long validUntilEpochSecond) {
    }

    private final JWTParser delegate;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokenCache(JWTAuthContextInfo authContext) {
        this(new DefaultJWTParser(authContext), Clock.systemUTC());
    }

    VerifiedTokenCache(JWTParser delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.instant().getEpochSecond();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.validUntilEpochSecond()) {
                return known.token();
            }
            verified.remove(token, known);
        }
        JsonWebToken checked = delegate.parse(token);
        long expires = checked.getExpirationTime();
        long until = Math.min(expires > 0 ? expires : now, now + MAX_SECONDS);
        if (until > now) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.values().removeIf(entry -> entry.validUntilEpochSecond() <= now);
                if (verified.size() >= MAX_ENTRIES) {
                    verified.clear();
                }
            }
            verified.put(token, new Verified(checked, until));
        }
        return checked;
    }

    /**
     * The token as verified earlier, if it is remembered and still within the time it is remembered for; null
     * otherwise. Verifies nothing itself: a caller getting null verifies the token in full ({@link #parse(String)}).
     */
    public JsonWebToken remembered(String token) {
        Verified known = verified.get(token);
        return known != null && clock.instant().getEpochSecond() < known.validUntilEpochSecond() ? known.token() : null;
    }

    /** Tokens remembered right now (some may have expired and wait for their next lookup). */
    int size() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
