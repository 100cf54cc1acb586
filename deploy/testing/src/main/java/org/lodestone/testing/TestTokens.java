package org.lodestone.testing;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Signs access tokens shaped like the ones Keycloak issues for the {@code coalition} realm
 * (realm roles under {@code realm_access.roles}, a {@code country} claim, audience {@code lodestone-api}).
 * Services verify them in the test profile with {@code lodestone-test-public.pem}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.lodestone/realms/coalition";
    public static final String AUDIENCE = "lodestone-api";

    private static final PrivateKey SIGNING_KEY = load("lodestone-test-private.pem");
    private static final PrivateKey FORGER_KEY = load("lodestone-forger-private.pem");

    private TestTokens() {
    }

    /** A partner-government official of the given country (ISO2, upper case). */
    public static String member(String country) {
        return builder(country.toLowerCase() + "-member", country, List.of("member")).sign(SIGNING_KEY);
    }

    public static String analyst() {
        return builder("coalition-analyst", null, List.of("analyst")).sign(SIGNING_KEY);
    }

    public static String admin() {
        return builder("coalition-admin", null, List.of("admin")).sign(SIGNING_KEY);
    }

    /** A valid token with no Lodestone role at all. */
    public static String noRole() {
        return builder("no-role", null, List.of()).sign(SIGNING_KEY);
    }

    public static String expired() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return builder("jp-member", "JP", List.of("member"))
                .issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(5))).sign(SIGNING_KEY);
    }

    /** A member's token that expires after the given time (for connections that must end with it). */
    public static String memberExpiringIn(String country, Duration lifetime) {
        return builder(country.toLowerCase() + "-member", country, List.of("member")).expiresIn(lifetime)
                .sign(SIGNING_KEY);
    }

    /** Signed by a key the services do not trust. */
    public static String forged() {
        return builder("coalition-admin", null, List.of("admin")).sign(FORGER_KEY);
    }

    public static String wrongIssuer() {
        return builder("coalition-admin", null, List.of("admin"))
                .issuer("https://evil.example/realms/coalition").sign(SIGNING_KEY);
    }

    public static String wrongAudience() {
        return builder("coalition-admin", null, List.of("admin")).audience("some-other-api").sign(SIGNING_KEY);
    }

    public static JwtClaimsBuilder builder(String username, String country, List<String> roles) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("sub-" + username)
                .preferredUserName(username)
                .claim("realm_access", Map.of("roles", roles))
                .expiresIn(Duration.ofMinutes(30));
        if (country != null) {
            claims.claim("country", country);
        }
        return claims;
    }

    private static PrivateKey load(String resource) {
        try {
            return KeyUtils.readPrivateKey(resource);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read test key " + resource, e);
        }
    }
}
