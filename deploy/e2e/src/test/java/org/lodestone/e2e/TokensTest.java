package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.e2e.RunningStack.step;

import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.response.Response;

/** Only valid Keycloak tokens get through the gateway: missing, forged, unsigned and expired ones are refused. */
@Order(6)
@ExtendWith(RunningStack.class)
class TokensTest {

    private static final String QUERY = "{ me { username roles } countries(coalitionOnly: true) { code } }";

    @Test
    @Order(1)
    void requestWithoutTokenIsRefused() {
        step("no Authorization header: 401 UNAUTHENTICATED");
        assertRefused(RunningStack.graphql().post(null, QUERY, Map.of()));
    }

    @Test
    @Order(2)
    void forgedTokenIsRefused() {
        step("a jp-member token re-signed with our own RSA key (same kid, admin role added): 401");
        assertRefused(RunningStack.graphql().post(Jwts.forgeFrom(RunningStack.keycloak().token("jp-member")), QUERY,
                Map.of()));
        step("the same claims with alg=none and no signature: 401");
        assertRefused(RunningStack.graphql().post(Jwts.unsignedFrom(RunningStack.keycloak().token("jp-member")), QUERY,
                Map.of()));
    }

    @Test
    @Order(3)
    void expiredKeycloakTokenIsRefused() throws InterruptedException {
        String token = RunningStack.expiringToken();
        long expiresAt = ((Number) Jwts.claims(token).get("exp")).longValue();
        // verifiers allow some clock skew (smallrye-jwt: 60 s by default), so wait until well past it
        long waitSeconds = expiresAt + 65 - System.currentTimeMillis() / 1000;
        if (waitSeconds > 0) {
            step("waiting " + waitSeconds + " s until the short-lived Keycloak token is past expiry plus clock skew");
            Thread.sleep(waitSeconds * 1000);
        }
        step("a genuine Keycloak token that expired " + (System.currentTimeMillis() / 1000 - expiresAt) + " s ago: 401");
        assertRefused(RunningStack.graphql().post(token, QUERY, Map.of()));
        step("a fresh jp-member token still works");
        RunningStack.graphql().call(RunningStack.keycloak().token("jp-member"), QUERY).withoutErrors();
    }

    private static void assertRefused(Response response) {
        String body = response.asString();
        step("  -> HTTP " + response.statusCode() + " " + body.substring(0, Math.min(160, body.length())));
        assertEquals(401, response.statusCode(), body);
        assertTrue(body.contains("UNAUTHENTICATED"), "error code UNAUTHENTICATED expected: " + body);
        assertTrue(!body.contains("\"countries\":["), "nothing may be executed: " + body);
    }
}
