package org.lodestone.e2e;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Tokens from the real Keycloak of the stack: password grant with the demo users and the public client. */
public final class Keycloak {

    public static final String PASSWORD = "demo-password";
    public static final String CLIENT = "coalition-cli";

    /** A cached token is reused while it has at least this long to live (realm access tokens live 5 minutes). */
    private static final long MIN_REMAINING_SECONDS = 60;

    private final String baseUrl;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Keycloak(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String tokenEndpoint() {
        return baseUrl + "/realms/coalition/protocol/openid-connect/token";
    }

    /** An access token for a demo user, reused until it comes within a minute of its expiry. */
    public String token(String username) {
        return tokens.compute(username, (name, cached) -> cached != null && remainingSeconds(cached) >= MIN_REMAINING_SECONDS
                ? cached : passwordGrant(name));
    }

    /** Drops every cached token, e.g. after the realm's signing key changed. */
    public void forgetTokens() {
        tokens.clear();
    }

    private static long remainingSeconds(String token) {
        return ((Number) Jwts.claims(token).get("exp")).longValue() - System.currentTimeMillis() / 1000;
    }

    /** An access token of Keycloak's bootstrap admin (master realm), for the admin REST API. */
    public String adminToken() {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(baseUrl + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private String passwordGrant(String username) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", CLIENT)
                .formParam("username", username)
                .formParam("password", PASSWORD)
                .post(tokenEndpoint())
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /**
     * A genuine Keycloak token that expires within seconds: the bootstrap admin sets the lifespan of the CLI client's
     * access tokens to {@code seconds} through the admin API, a token is issued, and the lifespan is put back.
     */
    public String shortLivedToken(String username, int seconds) {
        String admin = adminToken();
        String clients = baseUrl + "/admin/realms/coalition/clients";
        JsonPath found = given().auth().oauth2(admin).queryParam("clientId", CLIENT).get(clients)
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> client = found.getMap("[0]");
        String id = (String) client.get("id");
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) client.computeIfAbsent("attributes", k -> new HashMap<>());
        Object previous = attributes.get("access.token.lifespan");
        attributes.put("access.token.lifespan", Integer.toString(seconds));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(client).put(clients + "/" + id)
                .then().statusCode(204);
        try {
            return passwordGrant(username);
        } finally {
            if (previous == null) {
                attributes.remove("access.token.lifespan");
                attributes.put("access.token.lifespan", "");
            } else {
                attributes.put("access.token.lifespan", previous);
            }
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(client).put(clients + "/" + id)
                    .then().statusCode(204);
            Map<String, Object> claims = Jwts.claims(passwordGrant(username));
            long lifespan = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
            if (lifespan < 60) {
                throw new IllegalStateException("the access token lifespan of " + CLIENT + " was not restored: " + lifespan + " s");
            }
        }
    }
}
