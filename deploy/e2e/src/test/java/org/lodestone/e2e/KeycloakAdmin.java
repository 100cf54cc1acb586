package org.lodestone.e2e;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Keycloak's admin REST API as the bootstrap admin of the stack's Keycloak: what an operator would do with the admin
 * console or kcadm, here to create test realms, clients and users and to rotate keys.
 */
final class KeycloakAdmin {

    private final Keycloak keycloak;
    private String token;

    KeycloakAdmin(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    /** A request with a fresh enough admin token (master realm tokens live one minute). */
    RequestSpecification request() {
        if (token == null || ((Number) Jwts.claims(token).get("exp")).longValue() - System.currentTimeMillis() / 1000 < 20) {
            token = keycloak.adminToken();
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    String realmUrl(String realm) {
        return keycloak.baseUrl() + "/admin/realms/" + realm;
    }

    void createRealm(Object representation) {
        Response response = request().body(representation).post(keycloak.baseUrl() + "/admin/realms");
        expect(response, 201, "create realm");
    }

    void deleteRealm(String realm) {
        request().delete(realmUrl(realm));
    }

    void updateRealm(String realm, Map<String, Object> fields) {
        expect(request().body(fields).put(realmUrl(realm)), 204, "update realm " + realm);
    }

    /** Creates a client and returns its internal id. */
    String createClient(String realm, Map<String, Object> client) {
        Response response = request().body(client).post(realmUrl(realm) + "/clients");
        expect(response, 201, "create client " + client.get("clientId"));
        return idFromLocation(response);
    }

    /** Creates a user with a password (not temporary) and realm roles; returns the user id. */
    String createUser(String realm, Map<String, Object> user, String password, List<String> realmRoles) {
        Response response = request().body(user).post(realmUrl(realm) + "/users");
        expect(response, 201, "create user " + user.get("username"));
        String id = idFromLocation(response);
        expect(setPassword(realm, id, password), 204, "set the password of " + user.get("username"));
        if (!realmRoles.isEmpty()) {
            List<Map<String, Object>> roles = realmRoles.stream()
                    .map(name -> request().get(realmUrl(realm) + "/roles/" + name).then().statusCode(200)
                            .extract().<Map<String, Object>>path("$"))
                    .toList();
            expect(request().body(roles).post(realmUrl(realm) + "/users/" + id + "/role-mappings/realm"), 204,
                    "grant " + realmRoles + " to " + user.get("username"));
        }
        return id;
    }

    /** The raw answer of a password reset by an admin, so that policy refusals can be asserted. */
    Response setPassword(String realm, String userId, String password) {
        return request().body(Map.of("type", "password", "value", password, "temporary", false))
                .put(realmUrl(realm) + "/users/" + userId + "/reset-password");
    }

    static void expect(Response response, int status, String what) {
        if (response.statusCode() != status) {
            throw new AssertionError(what + ": Keycloak answered " + response.statusCode() + " " + response.asString());
        }
    }

    private static String idFromLocation(Response response) {
        String location = response.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
