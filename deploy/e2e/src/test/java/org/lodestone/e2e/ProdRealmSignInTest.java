package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.e2e.RunningStack.step;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Sign-in with the production realm's settings against the stack's real Keycloak. The realm the Kubernetes prod
 * overlay imports ({@code overlays/prod/keycloak/realm-import.yaml}, generated from the one realm file) is imported
 * through the admin API as a second realm, {@value #REALM}, next to the demo realm: realms share nothing but the
 * server, so no second Keycloak has to boot. Two things differ from production, both because this Keycloak speaks
 * plain HTTP on loopback and holds test users: after checking that the imported realm refuses plain HTTP, the test
 * relaxes {@code sslRequired} from {@code all} to {@code external}; and it adds two test clients (the prod realm has
 * no client for people yet) and test users through the admin API.
 */
@Order(8)
@ExtendWith(RunningStack.class)
class ProdRealmSignInTest {

    static final String REALM = "coalition-prod-check";
    private static final String BROWSER_CLIENT = "prod-check-browser";
    private static final String PASSWORD_CLIENT = "prod-check-password";
    private static final String REDIRECT_URI = "http://127.0.0.1/prod-check/callback";

    private static KeycloakAdmin admin;
    private static String realmUrl;
    private static final Map<String, String> PASSWORDS = new LinkedHashMap<>();
    private static final Map<String, String> USER_IDS = new LinkedHashMap<>();

    @BeforeAll
    static void importTheProdRealmUnderAnotherName() {
        Keycloak keycloak = RunningStack.keycloak();
        admin = new KeycloakAdmin(keycloak);
        realmUrl = keycloak.baseUrl() + "/realms/" + REALM;
        admin.deleteRealm(REALM);

        ObjectNode realm = (ObjectNode) prodRealmImport().path("spec").path("realm").deepCopy();
        step("importing the prod overlay's realm as '" + REALM + "' (sslRequired " + realm.path("sslRequired").asText()
                + ", browser flow '" + realm.path("browserFlow").asText() + "', direct grant flow '"
                + realm.path("directGrantFlow").asText() + "', password policy '" + realm.path("passwordPolicy").asText() + "')");
        rename(realm, REALM);
        // the Keycloak Operator fills this placeholder from a Secret; the admin API takes the realm as it is
        for (JsonNode client : realm.path("clients")) {
            if (client.path("secret").asText().startsWith("${")) {
                ((ObjectNode) client).put("secret", UUID.randomUUID().toString());
            }
        }
        admin.createRealm(realm);

        step("the imported realm refuses plain HTTP, as production does (sslRequired=all)");
        Response plain = RestAssured.given().redirects().follow(false)
                .get(realmUrl + "/protocol/openid-connect/auth?client_id=account-console&response_type=code");
        assertTrue(plain.asString().contains("HTTPS required"), "expected Keycloak's 'HTTPS required' page, got HTTP "
                + plain.statusCode() + ": " + plain.asString().substring(0, Math.min(300, plain.asString().length())));
        step("  -> HTTP " + plain.statusCode() + " 'HTTPS required'; now sslRequired=external for this loopback test");
        admin.updateRealm(REALM, Map.of("sslRequired", "external"));

        admin.createClient(REALM, Map.of("clientId", BROWSER_CLIENT, "publicClient", true,
                "standardFlowEnabled", true, "directAccessGrantsEnabled", false,
                "redirectUris", List.of(REDIRECT_URI), "attributes", Map.of("pkce.code.challenge.method", "S256")));
        // a client that allows the password grant, so that the realm's direct-grant flow itself is what refuses
        admin.createClient(REALM, Map.of("clientId", PASSWORD_CLIENT, "publicClient", true,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", true));
        createUser("prod-check-admin", List.of("admin"), null);
        createUser("prod-check-analyst", List.of("analyst"), null);
        createUser("prod-check-member", List.of("member"), "JP");
    }

    @AfterAll
    static void dropTheRealm() {
        if (admin != null) {
            admin.deleteRealm(REALM);
        }
    }

    @Test
    @Order(1)
    void passwordPolicyRefusesWeakPasswords() {
        String member = USER_IDS.get("prod-check-member");
        step("password policy: too short, the username, the e-mail address and a recent password are refused");
        assertPolicyRefusal(admin.setPassword(REALM, member, "Short-pass1"), "11 characters");
        assertPolicyRefusal(admin.setPassword(REALM, member, "prod-check-member"), "the username");
        assertPolicyRefusal(admin.setPassword(REALM, member, "prod-check-member@coalition.example"), "the e-mail address");
        assertPolicyRefusal(admin.setPassword(REALM, member, PASSWORDS.get("prod-check-member")), "the current password");
        String next = "Next " + UUID.randomUUID();
        KeycloakAdmin.expect(admin.setPassword(REALM, member, next), 204, "a long fresh password");
        PASSWORDS.put("prod-check-member", next);
    }

    @Test
    @Order(2)
    void adminOrAnalystWithoutASecondFactorGetsNoToken() {
        for (String user : List.of("prod-check-admin", "prod-check-analyst")) {
            step(user + " signs in through the browser with the right password but no authenticator app");
            BrowserLogin login = browser();
            BrowserLogin.Page page = login.submit(login.start(), "kc-form-login", credentials(user));
            step("  -> " + page.summary());
            assertTrue(login.code(page).isEmpty(), "no authorization code without a second factor: " + page.summary());
            assertTrue(page.isForm("kc-totp-settings-form"), "Keycloak demands TOTP enrolment: " + page.summary());
        }
    }

    @Test
    @Order(3)
    void adminEnrolsTotpThenSignsInWithPasswordAndCode() {
        step("prod-check-admin: password, then the enrolment page; the secret is read as a user would type it into an app");
        BrowserLogin enrolment = browser();
        BrowserLogin.Page setup = enrolment.submit(enrolment.start(), "kc-form-login", credentials("prod-check-admin"));
        BrowserLogin.Page manual = enrolment.open(setup.link("mode=manual")
                .orElseThrow(() -> new AssertionError("no manual-entry link on " + setup.summary())));
        String secret = manual.textOf("kc-totp-secret-key")
                .orElseThrow(() -> new AssertionError("no secret shown for manual entry: " + manual.summary()));
        Totp app = Totp.fromBase32(secret);
        long enrolledStep = Totp.currentTimeStep();
        BrowserLogin.Page enrolled = enrolment.submit(manual, "kc-totp-settings-form",
                Map.of("totp", app.code(enrolledStep), "userLabel", "prod-check phone"));
        String firstToken = enrolment.exchange(enrolment.code(enrolled)
                .orElseThrow(() -> new AssertionError("no code after enrolment: " + enrolled.summary()))).accessToken();
        assertRoles(firstToken, "admin");
        step("  -> enrolled; the sign-in that enrolled the app ends with a token");

        step("a new browser session: password, then the code form; a wrong code is refused, the app's code accepted");
        BrowserLogin login = browser();
        BrowserLogin.Page otp = login.submit(login.start(), "kc-form-login", credentials("prod-check-admin"));
        assertTrue(login.code(otp).isEmpty(), "no code after the password alone: " + otp.summary());
        // the enrolment used this step's code; a code is accepted once, so use the next step (within the look-around)
        long step = Math.max(Totp.currentTimeStep(), enrolledStep + 1);
        String code = app.code(step);
        String wrong = code.equals("000000") ? "000001" : "000000";
        BrowserLogin.Page refused = login.submit(otp, "kc-otp-login-form", Map.of("otp", wrong));
        step("  wrong code -> " + refused.summary());
        assertTrue(login.code(refused).isEmpty(), "a wrong code yields no authorization code");
        assertTrue(refused.isForm("kc-otp-login-form"), "the code form is shown again: " + refused.summary());
        sleepPastQuickLoginCheck();
        BrowserLogin.Page accepted = login.submit(refused, "kc-otp-login-form", Map.of("otp", code));
        String token = login.exchange(login.code(accepted)
                .orElseThrow(() -> new AssertionError("no code after the right TOTP code: " + accepted.summary()))).accessToken();
        Map<String, Object> claims = assertRoles(token, "admin");
        step("  -> token for " + claims.get("preferred_username") + ", aud " + claims.get("aud") + ", lives "
                + (((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()) + " s");
    }

    @Test
    @Order(4)
    void memberSignsInWithThePasswordAlone() {
        step("prod-check-member: password only, straight back to the client with a code");
        BrowserLogin login = browser();
        BrowserLogin.Page page = login.submit(login.start(), "kc-form-login", credentials("prod-check-member"));
        String token = login.exchange(login.code(page)
                .orElseThrow(() -> new AssertionError("member got no code after the password: " + page.summary()))).accessToken();
        Map<String, Object> claims = assertRoles(token, "member");
        assertEquals("JP", claims.get("country"));
        long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
        assertTrue(lifetime <= 300, "prod access tokens live at most 5 minutes: " + lifetime);
        step("  -> token with country JP, lives " + lifetime + " s");
    }

    @Test
    @Order(5)
    void passwordGrantIsRefusedToAdminsAndAnalystsWhateverThePassword() {
        step("password grant (a client that allows it): refused to admins and analysts, granted to members");
        Response adminRight = passwordGrant("prod-check-admin", PASSWORDS.get("prod-check-admin"));
        step("  admin, right password -> " + describe(adminRight));
        assertAccessDenied(adminRight);
        sleepPastQuickLoginCheck();
        Response adminWrong = passwordGrant("prod-check-admin", "not the password at all");
        step("  admin, wrong password -> " + describe(adminWrong) + " (the same: no password oracle)");
        assertAccessDenied(adminWrong);
        Response analyst = passwordGrant("prod-check-analyst", PASSWORDS.get("prod-check-analyst"));
        step("  analyst, right password -> " + describe(analyst));
        assertAccessDenied(analyst);
        Response member = passwordGrant("prod-check-member", PASSWORDS.get("prod-check-member"));
        step("  member, right password -> " + member.statusCode());
        assertEquals(200, member.statusCode(), member.asString());
        assertRoles(member.jsonPath().getString("access_token"), "member");
    }

    @Test
    @Order(6)
    void signInsAndRoleChangesAreRecorded() {
        step("login events: who signed in, who was refused; admin events: who created users and granted roles");
        List<Map<String, Object>> events = admin.request().queryParam("max", 500).get(admin.realmUrl(REALM) + "/events")
                .then().statusCode(200).extract().jsonPath().getList("$");
        String adminId = USER_IDS.get("prod-check-admin");
        assertTrue(hasEvent(events, "LOGIN", adminId), "LOGIN of prod-check-admin recorded");
        assertTrue(hasEvent(events, "LOGIN", USER_IDS.get("prod-check-member")), "LOGIN of prod-check-member recorded");
        assertTrue(hasEvent(events, "UPDATE_TOTP", adminId) || hasEvent(events, "UPDATE_CREDENTIAL", adminId),
                "TOTP enrolment of prod-check-admin recorded");
        assertTrue(events.stream().anyMatch(e -> "LOGIN_ERROR".equals(e.get("type")) && "access_denied".equals(e.get("error"))
                && "prod-check-admin".equals(((Map<?, ?>) e.getOrDefault("details", Map.of())).get("username"))),
                "the refused password grant of prod-check-admin is recorded");
        step("  " + events.size() + " login events, e.g. " + events.stream()
                .map(e -> e.get("type") + (e.get("error") == null ? "" : "(" + e.get("error") + ")")).distinct().toList());

        List<Map<String, Object>> adminEvents = admin.request().queryParam("max", 500)
                .get(admin.realmUrl(REALM) + "/admin-events").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> grant = adminEvents.stream()
                .filter(e -> "REALM_ROLE_MAPPING".equals(e.get("resourceType")) && "CREATE".equals(e.get("operationType"))
                        && String.valueOf(e.get("resourcePath")).contains(adminId))
                .findFirst().orElseThrow(() -> new AssertionError("no admin event for granting admin to prod-check-admin"));
        @SuppressWarnings("unchecked")
        Map<String, Object> who = (Map<String, Object>) grant.get("authDetails");
        assertEquals("master", who.get("realmId") == null ? null : realmName(String.valueOf(who.get("realmId"))),
                "the grant names the admin's realm");
        assertTrue(String.valueOf(grant.get("representation")).contains("\"admin\""),
                "details on: the event carries the granted role: " + grant);
        String allAdminEvents = adminEvents.toString();
        for (String password : PASSWORDS.values()) {
            assertFalse(allAdminEvents.contains(password), "an admin event carries a password");
        }
        step("  " + adminEvents.size() + " admin events; the role grant names user " + who.get("userId")
                + " of the master realm; no password in any of them");
    }

    /**
     * What depends on the realm's name: the name, its default role ({@code default-roles-<realm>}, which Keycloak
     * creates for every realm) and the account console's URLs.
     */
    private static void rename(ObjectNode realm, String name) {
        String old = realm.path("realm").asText();
        String oldDefaultRole = "default-roles-" + old;
        realm.put("realm", name);
        if (realm.path("defaultRole").path("name").asText().equals(oldDefaultRole)) {
            ((ObjectNode) realm.path("defaultRole")).put("name", "default-roles-" + name);
        }
        for (JsonNode role : realm.path("roles").path("realm")) {
            if (oldDefaultRole.equals(role.path("name").asText())) {
                ((ObjectNode) role).put("name", "default-roles-" + name);
            }
        }
        for (JsonNode client : realm.path("clients")) {
            ObjectNode editable = (ObjectNode) client;
            if (client.has("baseUrl")) {
                editable.put("baseUrl", client.path("baseUrl").asText().replace("/realms/" + old + "/", "/realms/" + name + "/"));
            }
            if (client.has("redirectUris")) {
                List<String> uris = new ArrayList<>();
                client.path("redirectUris").forEach(u -> uris.add(u.asText().replace("/realms/" + old + "/", "/realms/" + name + "/")));
                editable.putArray("redirectUris").addAll(uris.stream().map(u -> (JsonNode) editable.textNode(u)).toList());
            }
        }
    }

    private static void createUser(String username, List<String> roles, String country) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username + "@coalition.example");
        user.put("emailVerified", true);
        user.put("firstName", "Prod");
        user.put("lastName", "Check");
        if (country != null) {
            user.put("attributes", Map.of("country", List.of(country)));
        }
        String password = "Pass " + UUID.randomUUID();
        USER_IDS.put(username, admin.createUser(REALM, user, password, roles));
        PASSWORDS.put(username, password);
    }

    private static BrowserLogin browser() {
        return new BrowserLogin(realmUrl, BROWSER_CLIENT, REDIRECT_URI);
    }

    private static Map<String, String> credentials(String username) {
        return Map.of("username", username, "password", PASSWORDS.get(username));
    }

    private static Response passwordGrant(String username, String password) {
        return RestAssured.given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", PASSWORD_CLIENT)
                .formParam("username", username).formParam("password", password)
                .post(realmUrl + "/protocol/openid-connect/token");
    }

    /** Keycloak's deny-access step answers the token request with 401 and its "Access denied" error page. */
    private static void assertAccessDenied(Response response) {
        assertEquals(401, response.statusCode(), response.asString());
        assertFalse(response.asString().contains("access_token"), response.asString());
        assertTrue(response.asString().contains("Access denied"), response.asString());
    }

    private static String describe(Response response) {
        String body = response.asString();
        return response.statusCode() + (body.contains("Access denied") ? " 'Access denied'"
                : " " + body.substring(0, Math.min(120, body.length())));
    }

    private static void assertPolicyRefusal(Response response, String what) {
        step("  " + what + " -> " + response.statusCode() + " " + response.asString());
        assertEquals(400, response.statusCode(), what + " must be refused: " + response.asString());
    }

    private static Map<String, Object> assertRoles(String token, String role) {
        Map<String, Object> claims = Jwts.claims(token);
        assertEquals(realmUrl, claims.get("iss"));
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) ((Map<String, Object>) claims.get("realm_access")).get("roles");
        assertTrue(roles.contains(role), "roles " + roles + " lack " + role);
        Object audience = claims.get("aud");
        assertTrue(audience instanceof List<?> list ? list.contains("lodestone-api") : "lodestone-api".equals(audience),
                "audience lodestone-api: " + audience);
        return claims;
    }

    private static boolean hasEvent(List<Map<String, Object>> events, String type, String userId) {
        return events.stream().anyMatch(e -> type.equals(e.get("type")) && userId.equals(e.get("userId")));
    }

    private static String realmName(String realmId) {
        JsonPath realm = admin.request().get(RunningStack.keycloak().baseUrl() + "/admin/realms")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> realms = realm.getList("$");
        return realms.stream().filter(r -> realmId.equals(r.get("id"))).map(r -> (String) r.get("realm")).findFirst()
                .orElse(realmId);
    }

    /**
     * Keycloak locks an account for a minute when two failures come within a second of each other (brute-force
     * protection, quickLoginCheckMilliSeconds); the test waits that second out rather than trip it.
     */
    private static void sleepPastQuickLoginCheck() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode prodRealmImport() {
        Path repository = Path.of(System.getProperty("lodestone.repository", "../..")).toAbsolutePath().normalize();
        Path file = repository.resolve("deploy/kubernetes/overlays/prod/keycloak/realm-import.yaml");
        try {
            JsonNode resource = new YAMLMapper().readTree(file.toFile());
            assertEquals("KeycloakRealmImport", resource.path("kind").asText(), file.toString());
            return resource;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
