package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.e2e.RunningStack.step;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lodestone.localstack.LocalStack;
import org.lodestone.localstack.StackSettings;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Rotates the coalition realm's signing key in the running Keycloak the way an operator does (a new RSA key provider
 * with a higher priority, then the old provider removed) and checks that nothing has to restart: the gateway and the
 * three services fetch the JWKS again when a token names a key they have not seen, and forget a removed key at their
 * next periodic JWKS refresh ({@code LODESTONE_OIDC_JWKS_REFRESH_MINUTES}, one minute in this suite).
 * Runs after the other scenarios: tokens they cached were signed with the key it removes.
 */
@Order(90)
@ExtendWith(RunningStack.class)
class KeyRotationTest {

    private static final String REALM = "coalition";
    /** One request that the gateway splits over all three subgraphs, each verifying the forwarded token. */
    private static final String QUERY = """
            { me { username } countries(coalitionOnly: true) { code } minerals { id } agreements { id } }""";
    private static final List<String> SERVICES = List.of(LocalStack.COUNTRY, LocalStack.MINERAL, LocalStack.AGREEMENT);

    @AfterAll
    static void forgetTokensOfTheRemovedKey() {
        RunningStack.keycloak().forgetTokens();
    }

    @Test
    void newSigningKeyIsAcceptedAndRemovedKeyRefusedWithoutRestarts() throws InterruptedException {
        Keycloak keycloak = RunningStack.keycloak();
        KeycloakAdmin admin = new KeycloakAdmin(keycloak);
        LocalStack stack = RunningStack.stack();
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String name : List.of(LocalStack.GATEWAY, LocalStack.COUNTRY, LocalStack.MINERAL, LocalStack.AGREEMENT)) {
            pids.put(name, stack.pid(name));
        }

        keycloak.forgetTokens();
        String before = keycloak.token("jp-member");
        String oldKid = (String) Jwts.header(before).get("kid");
        RunningStack.graphql().call(before, QUERY).withoutErrors();
        Map<String, Object> oldKey = signingKey(admin, oldKid);
        step("signing key before rotation: kid " + oldKid + " (provider " + oldKey.get("providerId") + ", priority "
                + oldKey.get("providerPriority") + ")");

        String realmId = admin.request().get(admin.realmUrl(REALM)).then().statusCode(200).extract().path("id");
        int priority = ((Number) oldKey.get("providerPriority")).intValue() + 100;
        Map<String, Object> provider = Map.of("name", "rsa-rotated-" + System.currentTimeMillis(),
                "providerId", "rsa-generated", "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                "config", Map.of("priority", List.of(Integer.toString(priority)), "keySize", List.of("2048"),
                        "algorithm", List.of("RS256"), "active", List.of("true"), "enabled", List.of("true")));
        KeycloakAdmin.expect(admin.request().body(provider).post(admin.realmUrl(REALM) + "/components"), 201,
                "add an rsa-generated key provider");

        keycloak.forgetTokens();
        String after = keycloak.token("jp-member");
        String newKid = (String) Jwts.header(after).get("kid");
        assertNotEquals(oldKid, newKid, "Keycloak signs with the new, higher-priority key");
        step("new provider with priority " + priority + ": tokens now carry kid " + newKid);
        RunningStack.graphql().call(after, QUERY).withoutErrors();
        step("  a new token works through the gateway and all three subgraphs (unknown kid -> JWKS fetched again)");
        RunningStack.graphql().call(before, QUERY).withoutErrors();
        step("  the old token still works while its key is published");

        KeycloakAdmin.expect(admin.request().delete(admin.realmUrl(REALM) + "/components/" + oldKey.get("providerId")),
                204, "remove the old key provider");
        List<String> published = RestAssured.get(keycloak.baseUrl() + "/realms/" + REALM + "/protocol/openid-connect/certs")
                .then().statusCode(200).extract().jsonPath().getList("keys.kid");
        assertFalse(published.contains(oldKid), "the removed key is no longer published: " + published);
        assertTrue(published.contains(newKid), "the new key is published: " + published);
        step("old provider removed; the JWKS now lists " + published);

        long removed = System.nanoTime();
        long deadline = removed + (60 + 45) * 1_000_000_000L;
        Map<String, Integer> refusedAfter = new LinkedHashMap<>();
        while (refusedAfter.size() < 1 + SERVICES.size() && System.nanoTime() < deadline) {
            if (!refusedAfter.containsKey(LocalStack.GATEWAY) && gatewayStatus(before) == 401) {
                refusedAfter.put(LocalStack.GATEWAY, seconds(removed));
            }
            for (String service : SERVICES) {
                if (!refusedAfter.containsKey(service) && serviceStatus(service, before) == 401) {
                    refusedAfter.put(service, seconds(removed));
                }
            }
            // new tokens keep working meanwhile, whichever verifier has refreshed already
            RunningStack.graphql().call(after, QUERY).withoutErrors();
            Thread.sleep(3000);
        }
        step("a token signed with the removed key is refused, seconds after removal: " + refusedAfter);
        assertEquals(List.of(LocalStack.GATEWAY, LocalStack.COUNTRY, LocalStack.MINERAL, LocalStack.AGREEMENT).stream()
                .filter(refusedAfter::containsKey).toList().size(), 4,
                "every verifier refuses the removed key within its refresh interval: " + refusedAfter);
        Response refused = RunningStack.graphql().post(before, QUERY, Map.of());
        assertEquals(401, refused.statusCode(), refused.asString());
        assertTrue(refused.asString().contains("UNAUTHENTICATED"), refused.asString());
        RunningStack.graphql().call(after, QUERY).withoutErrors();

        for (Map.Entry<String, Long> pid : pids.entrySet()) {
            assertEquals(pid.getValue(), stack.pid(pid.getKey()), pid.getKey() + " was restarted");
        }
        step("  the new token still works; gateway and services kept their processes " + pids.values());
    }

    /** The realm's active RS256 signing key with this kid, from the admin API's key metadata. */
    private static Map<String, Object> signingKey(KeycloakAdmin admin, String kid) {
        List<Map<String, Object>> keys = admin.request().get(admin.realmUrl(REALM) + "/keys").then().statusCode(200)
                .extract().jsonPath().getList("keys");
        return keys.stream().filter(k -> kid.equals(k.get("kid"))).findFirst()
                .orElseThrow(() -> new AssertionError("kid " + kid + " not among the realm keys " + keys));
    }

    private static int gatewayStatus(String token) {
        return RunningStack.graphql().post(token, QUERY, Map.of()).statusCode();
    }

    /** A service's own GraphQL endpoint, called directly: services verify tokens themselves. */
    private static int serviceStatus(String service, String token) {
        StackSettings.Ports ports = RunningStack.stack().settings().ports();
        int port = switch (service) {
            case LocalStack.COUNTRY -> ports.country();
            case LocalStack.MINERAL -> ports.mineral();
            default -> ports.agreement();
        };
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(Map.of("query", "{ __typename }")).post("http://localhost:" + port + "/graphql").statusCode();
    }

    private static int seconds(long since) {
        return (int) ((System.nanoTime() - since) / 1_000_000_000L);
    }
}
