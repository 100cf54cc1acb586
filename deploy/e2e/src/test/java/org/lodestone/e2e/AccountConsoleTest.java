package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.e2e.RunningStack.step;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Keycloak's account console, where users change their password and enrol an authenticator app, works for members
 * of the demo realm. A member signs in to its client ({@code account-console}, authorization code with PKCE, as the
 * console's own script does); the console page loads; the account API behind its pages answers with the member's
 * profile and with the password and authenticator-app credential types and the actions that manage them. The two
 * actions are then carried out the way the console starts them (application-initiated actions on the session):
 * a password change, refused while too short, and an authenticator-app enrolment. The page's JavaScript is not run
 * (no browser); every HTTP answer it depends on is checked. The enrolment uses a member created for the test and
 * removed afterwards: a demo member with a second factor would need a code for the password grant too.
 */
@Order(9)
@ExtendWith(RunningStack.class)
class AccountConsoleTest {

    private static final String REALM = "coalition";

    @Test
    @Order(1)
    void demoMemberOpensTheAccountConsole() {
        String account = accountUrl();
        step("jp-member signs in to the account console (client account-console, code flow with PKCE)");
        String token = signIn("jp-member", Keycloak.PASSWORD).token();

        Response console = RestAssured.given().accept(ContentType.HTML).get(account);
        step("  GET " + account + " -> " + console.statusCode() + " " + console.contentType());
        assertEquals(200, console.statusCode());
        assertTrue(console.contentType().startsWith("text/html"), console.contentType());

        Response profile = RestAssured.given().auth().oauth2(token).accept(ContentType.JSON).get(account);
        assertEquals(200, profile.statusCode(), profile.asString());
        assertEquals("jp-member", profile.jsonPath().getString("username"));

        List<Map<String, Object>> types = credentialTypes(token);
        Map<String, Object> password = credentialType(types, "password");
        Map<String, Object> otp = credentialType(types, "otp");
        step("  account API: credential types " + types.stream().map(t -> t.get("type")).toList() + "; password update "
                + password.get("updateAction") + ", authenticator app set-up " + otp.get("createAction"));
        assertEquals("UPDATE_PASSWORD", password.get("updateAction"), "the member can change the password");
        assertEquals("CONFIGURE_TOTP", otp.get("createAction"), "the member can enrol an authenticator app");
        assertEquals(1, ((List<?>) password.get("userCredentialMetadatas")).size(), "one password on file");
        assertEquals(0, ((List<?>) otp.get("userCredentialMetadatas")).size(), "no authenticator app yet");
    }

    @Test
    @Order(2)
    void memberChangesThePasswordAndEnrolsAnAuthenticatorApp() {
        KeycloakAdmin admin = new KeycloakAdmin(RunningStack.keycloak());
        String username = "account-check-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username + "@coalition.example");
        user.put("emailVerified", true);
        user.put("firstName", "Account");
        user.put("lastName", "Check");
        user.put("attributes", Map.of("country", List.of("JP")));
        String first = "First " + UUID.randomUUID();
        String userId = admin.createUser(REALM, user, first, List.of("member"));
        try {
            SignedIn session = signIn(username, first);
            step(username + " (member) changes the password from the account console");
            BrowserLogin.Page form = session.login().start(Map.of("kc_action", "UPDATE_PASSWORD"));
            BrowserLogin.Page tooShort = session.login().submit(form, "kc-passwd-update-form",
                    Map.of("password-new", "short-pw-1", "password-confirm", "short-pw-1"));
            step("  10 characters -> " + tooShort.summary());
            assertTrue(session.login().code(tooShort).isEmpty(), "a too short password is refused");
            assertTrue(tooShort.feedback().orElse("").contains("minimum length 12"), tooShort.summary());
            String second = "Second " + UUID.randomUUID();
            BrowserLogin.Page changed = session.login().submit(tooShort, "kc-passwd-update-form",
                    Map.of("password-new", second, "password-confirm", second));
            session.login().exchange(session.login().code(changed)
                    .orElseThrow(() -> new AssertionError("password change not completed: " + changed.summary()))).accessToken();

            step("  then enrols an authenticator app (secret read for manual entry, code computed)");
            BrowserLogin.Page setup = session.login().start(Map.of("kc_action", "CONFIGURE_TOTP"));
            BrowserLogin.Page manual = session.login().open(setup.link("mode=manual")
                    .orElseThrow(() -> new AssertionError("no manual-entry link: " + setup.summary())));
            Totp app = Totp.fromBase32(manual.textOf("kc-totp-secret-key")
                    .orElseThrow(() -> new AssertionError("no secret shown: " + manual.summary())));
            long enrolledStep = Totp.currentTimeStep();
            BrowserLogin.Page enrolled = session.login().submit(manual, "kc-totp-settings-form",
                    Map.of("totp", app.code(enrolledStep), "userLabel", "account-check phone"));
            String token = session.login().exchange(session.login().code(enrolled)
                    .orElseThrow(() -> new AssertionError("enrolment not completed: " + enrolled.summary()))).accessToken();

            List<Map<String, Object>> types = credentialTypes(token);
            assertEquals(1, ((List<?>) credentialType(types, "otp").get("userCredentialMetadatas")).size(),
                    "the account console now lists one authenticator app");
            Response withoutCode = passwordGrant(username, second, null);
            assertEquals(401, withoutCode.statusCode(), "once enrolled, the password alone is not enough: " + withoutCode.asString());
            // a code is accepted once: the next time step, which the realm's one-step look-around accepts
            String code = app.code(Math.max(Totp.currentTimeStep(), enrolledStep + 1));
            Response withCode = passwordGrant(username, second, code);
            assertEquals(200, withCode.statusCode(), "the new password and a code sign in: " + withCode.asString());
            step("  -> the account API lists the app; the new password alone is refused, with a code it signs in");
        } finally {
            admin.request().delete(admin.realmUrl(REALM) + "/users/" + userId);
        }
    }

    private record SignedIn(BrowserLogin login, String token) {
    }

    private static SignedIn signIn(String username, String password) {
        BrowserLogin login = new BrowserLogin(RunningStack.keycloak().baseUrl() + "/realms/" + REALM, "account-console",
                accountUrl());
        BrowserLogin.Page page = login.submit(login.start(), "kc-form-login", Map.of("username", username, "password", password));
        String token = login.exchange(login.code(page)
                .orElseThrow(() -> new AssertionError("no code for the account console: " + page.summary()))).accessToken();
        return new SignedIn(login, token);
    }

    private static String accountUrl() {
        return RunningStack.keycloak().baseUrl() + "/realms/" + REALM + "/account/";
    }

    private static List<Map<String, Object>> credentialTypes(String token) {
        Response credentials = RestAssured.given().auth().oauth2(token).accept(ContentType.JSON)
                .get(accountUrl() + "credentials");
        assertEquals(200, credentials.statusCode(), credentials.asString());
        return credentials.jsonPath().getList("$");
    }

    private static Map<String, Object> credentialType(List<Map<String, Object>> types, String type) {
        return types.stream().filter(t -> type.equals(t.get("type"))).findFirst()
                .orElseThrow(() -> new AssertionError("account API lists no credential type " + type + ": " + types));
    }

    /** The demo realm's password grant, with a TOTP code when given. */
    private static Response passwordGrant(String username, String password, String totp) {
        var request = RestAssured.given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", Keycloak.CLIENT)
                .formParam("username", username).formParam("password", password);
        if (totp != null) {
            request.formParam("totp", totp);
        }
        return request.post(RunningStack.keycloak().tokenEndpoint());
    }
}
