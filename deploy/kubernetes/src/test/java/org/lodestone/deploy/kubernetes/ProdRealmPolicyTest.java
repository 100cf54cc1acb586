package org.lodestone.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sign-in policy of the production realm, read from the rendered prod overlay (what the Keycloak Operator
 * imports): password and lockout rules, token and session lifetimes, refresh-token rotation, events, and the flows
 * that demand a second factor from admins and analysts. The figures asserted here are the ones deploy/README.md
 * documents; a change to either must change both.
 */
class ProdRealmPolicyTest {

    private static JsonNode realm;

    @BeforeAll
    static void renderProdRealm() {
        List<JsonNode> imports = RenderedManifests.of("prod").ofKind("KeycloakRealmImport");
        assertEquals(1, imports.size(), "prod: one KeycloakRealmImport expected");
        realm = imports.get(0).path("spec").path("realm");
    }

    @Test
    void everyRequestMustUseHttps() {
        assertEquals("all", realm.path("sslRequired").asText());
    }

    @Test
    void passwordPolicy() {
        Map<String, String> policy = passwordPolicy(realm.path("passwordPolicy").asText());
        assertTrue(Integer.parseInt(policy.getOrDefault("length", "0")) >= 12, "minimum length >= 12: " + policy);
        assertTrue(Integer.parseInt(policy.getOrDefault("maxLength", "64")) >= 64,
                "a maximum length, if any, must allow pass phrases of 64 characters: " + policy);
        assertTrue(policy.containsKey("notUsername"), "password may not be the username: " + policy);
        assertTrue(policy.containsKey("notEmail"), "password may not be the e-mail address: " + policy);
        assertTrue(Integer.parseInt(policy.getOrDefault("passwordHistory", "0")) >= 5,
                "the last 5 passwords may not be reused: " + policy);
    }

    @Test
    void bruteForceLockoutFigures() {
        assertTrue(realm.path("bruteForceProtected").asBoolean(), "brute-force protection on");
        // Temporary lockouts only: a permanent one would let anyone who knows an admin's username lock the admin out.
        assertFalse(realm.path("permanentLockout").asBoolean(true), "permanentLockout must be false");
        assertEquals("MULTIPLE", realm.path("bruteForceStrategy").asText());
        assertEquals(5, realm.path("failureFactor").asInt());
        assertEquals(60, realm.path("waitIncrementSeconds").asInt());
        assertEquals(900, realm.path("maxFailureWaitSeconds").asInt());
        assertEquals(1000, realm.path("quickLoginCheckMilliSeconds").asInt());
        assertEquals(60, realm.path("minimumQuickLoginWaitSeconds").asInt());
        assertEquals(43200, realm.path("maxDeltaTimeSeconds").asInt());
    }

    @Test
    void tokenAndSessionLifetimes() {
        int accessToken = realm.path("accessTokenLifespan").asInt();
        assertTrue(accessToken > 0 && accessToken <= 300, "access tokens live at most 5 minutes: " + accessToken);
        assertTrue(realm.path("revokeRefreshToken").asBoolean(), "refresh tokens are rotated (revokeRefreshToken)");
        assertEquals(0, realm.path("refreshTokenMaxReuse").asInt(-1), "a refresh token is used once");
        int idle = realm.path("ssoSessionIdleTimeout").asInt();
        int max = realm.path("ssoSessionMaxLifespan").asInt();
        assertTrue(idle > 0 && idle <= 1800, "sessions end after at most 30 idle minutes: " + idle);
        assertTrue(max > 0 && max <= 36000, "sessions end after at most 10 hours: " + max);
        for (JsonNode client : realm.path("clients")) {
            JsonNode attributes = client.path("attributes");
            for (String override : List.of("access.token.lifespan", "client.session.idle.timeout",
                    "client.session.max.lifespan")) {
                assertTrue(attributes.path(override).asText("").isEmpty(),
                        client.path("clientId").asText() + " overrides the realm's " + override);
            }
        }
    }

    @Test
    void loginAndAdminEventsAreKept() {
        assertTrue(realm.path("eventsEnabled").asBoolean(), "login events stored");
        assertEquals(90 * 86400, realm.path("eventsExpiration").asInt(), "login events kept 90 days");
        // Keycloak's default event types (stored when the list is empty) include LOGIN and LOGIN_ERROR.
        List<String> types = texts(realm.path("enabledEventTypes"));
        assertTrue(types.isEmpty() || types.containsAll(List.of("LOGIN", "LOGIN_ERROR", "UPDATE_PASSWORD", "UPDATE_TOTP")),
                "enabledEventTypes narrows away sign-in events: " + types);
        assertTrue(realm.path("adminEventsEnabled").asBoolean(), "admin events stored");
        assertTrue(realm.path("adminEventsDetailsEnabled").asBoolean(), "admin events keep the representation");
        assertEquals("31536000", realm.path("attributes").path("adminEventsExpiration").asText(),
                "admin events kept 365 days");
    }

    @Test
    void totpPolicy() {
        assertEquals("totp", realm.path("otpPolicyType").asText());
        assertEquals("HmacSHA1", realm.path("otpPolicyAlgorithm").asText(), "what every authenticator app supports");
        assertEquals(6, realm.path("otpPolicyDigits").asInt());
        assertEquals(30, realm.path("otpPolicyPeriod").asInt());
        assertEquals(1, realm.path("otpPolicyLookAheadWindow").asInt(), "one period of clock skew either way");
        assertFalse(realm.path("otpPolicyCodeReusable").asBoolean(true), "a code is accepted once");
        for (JsonNode action : realm.path("requiredActions")) {
            if ("CONFIGURE_TOTP".equals(action.path("alias").asText())) {
                assertTrue(action.path("enabled").asBoolean(), "enrolment (CONFIGURE_TOTP) must stay enabled");
            }
        }
    }

    @Test
    void browserSignInAsksAdminsAndAnalystsForASecondFactorOnce() {
        JsonNode browser = flow(realm.path("browserFlow").asText());
        assertTrue(browser.path("topLevel").asBoolean(), "browserFlow is bound to a top-level flow");
        for (Set<String> roles : List.of(Set.of("admin"), Set.of("analyst"), Set.of("admin", "analyst"))) {
            for (boolean enrolled : List.of(false, true)) {
                List<String> steps = formSteps(browser, new User(roles, enrolled));
                assertEquals(List.of("auth-username-password-form", "auth-otp-form"), steps,
                        "browser sign-in of a user with roles " + roles + (enrolled ? " and" : " without") + " a TOTP app");
            }
        }
        assertEquals(List.of("auth-username-password-form"), formSteps(browser, new User(Set.of("member"), false)),
                "a member without an authenticator app signs in with the password");
        assertEquals(List.of("auth-username-password-form", "auth-otp-form"),
                formSteps(browser, new User(Set.of("member"), true)), "a member who enrolled one gives a code");
        assertEquals("REQUIRED", requirementOf(browser, "auth-otp-form"),
                "a REQUIRED OTP form makes Keycloak demand enrolment from an admin or analyst without one");
    }

    @Test
    void passwordGrantIsRefusedToAdminsAndAnalystsBeforeThePasswordIsChecked() {
        JsonNode grant = flow(realm.path("directGrantFlow").asText());
        assertTrue(grant.path("topLevel").asBoolean(), "directGrantFlow is bound to a top-level flow");
        for (Set<String> roles : List.of(Set.of("admin"), Set.of("analyst"), Set.of("admin", "analyst"))) {
            assertEquals(List.of("direct-grant-validate-username", "deny-access-authenticator"),
                    steps(grant, new User(roles, true)), "password grant for roles " + roles);
        }
        assertEquals(List.of("direct-grant-validate-username", "direct-grant-validate-password"),
                steps(grant, new User(Set.of("member"), false)), "password grant for a member");
        assertEquals(List.of("direct-grant-validate-username", "direct-grant-validate-password", "direct-grant-validate-otp"),
                steps(grant, new User(Set.of("member"), true)), "password grant for a member with a TOTP app");
    }

    /** A user as far as the flow conditions see one: realm roles, and whether a TOTP credential is enrolled. */
    private record User(Set<String> roles, boolean totpEnrolled) {
    }

    private static final Set<String> OTP_AUTHENTICATORS = Set.of("auth-otp-form", "direct-grant-validate-otp");

    /** The browser flow's steps after the SSO cookie (an ALTERNATIVE that only applies to an existing session). */
    private static List<String> formSteps(JsonNode browser, User user) {
        List<String> steps = new ArrayList<>(steps(browser, user));
        assertEquals("auth-cookie", steps.remove(0), "the browser flow starts with the session cookie");
        return steps;
    }

    /**
     * The authenticators a sign-in runs, in order, the way Keycloak walks a flow: executions by priority; a
     * CONDITIONAL sub-flow runs only when all its conditions hold; DISABLED ones are skipped; the walk stops at
     * {@code deny-access-authenticator}. ALTERNATIVE executions are all listed (the cookie, then the forms).
     */
    private static List<String> steps(JsonNode flow, User user) {
        List<String> steps = new ArrayList<>();
        walk(flow, user, steps);
        return steps;
    }

    private static boolean walk(JsonNode flow, User user, List<String> steps) {
        List<JsonNode> executions = new ArrayList<>();
        flow.path("authenticationExecutions").forEach(executions::add);
        executions.sort((a, b) -> Integer.compare(a.path("priority").asInt(), b.path("priority").asInt()));
        for (JsonNode execution : executions) {
            String requirement = execution.path("requirement").asText();
            if ("DISABLED".equals(requirement) || isCondition(execution)) {
                continue;
            }
            if (execution.path("authenticatorFlow").asBoolean()) {
                JsonNode sub = flow(execution.path("flowAlias").asText());
                if ("CONDITIONAL".equals(requirement) && !conditionsHold(sub, user)) {
                    continue;
                }
                if (!walk(sub, user, steps)) {
                    return false;
                }
            } else {
                String authenticator = execution.path("authenticator").asText();
                steps.add(authenticator);
                if ("deny-access-authenticator".equals(authenticator)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isCondition(JsonNode execution) {
        return execution.path("authenticator").asText().startsWith("conditional-");
    }

    private static boolean conditionsHold(JsonNode subFlow, User user) {
        boolean any = false;
        for (JsonNode execution : subFlow.path("authenticationExecutions")) {
            if (!isCondition(execution) || "DISABLED".equals(execution.path("requirement").asText())) {
                continue;
            }
            any = true;
            boolean holds = switch (execution.path("authenticator").asText()) {
                case "conditional-user-role" -> {
                    JsonNode config = authenticatorConfig(execution.path("authenticatorConfig").asText());
                    boolean hasRole = user.roles().contains(config.path("condUserRole").asText());
                    yield config.path("negate").asBoolean(false) != hasRole;
                }
                // true when the user has set up the sub-flow's authenticators; here those are all TOTP ones
                case "conditional-user-configured" -> user.totpEnrolled() && onlyTotpIn(subFlow);
                default -> throw new AssertionError("condition this test does not model: " + execution);
            };
            if (!holds) {
                return false;
            }
        }
        assertTrue(any, "CONDITIONAL sub-flow without a condition: " + subFlow.path("alias").asText());
        return true;
    }

    private static boolean onlyTotpIn(JsonNode subFlow) {
        for (JsonNode execution : subFlow.path("authenticationExecutions")) {
            if (!isCondition(execution) && !OTP_AUTHENTICATORS.contains(execution.path("authenticator").asText())) {
                throw new AssertionError("sub-flow " + subFlow.path("alias").asText() + " mixes other authenticators");
            }
        }
        return true;
    }

    private static String requirementOf(JsonNode topFlow, String authenticator) {
        List<String> found = new ArrayList<>();
        collectRequirements(topFlow, authenticator, found);
        assertFalse(found.isEmpty(), authenticator + " not in flow " + topFlow.path("alias").asText());
        assertEquals(1, Set.copyOf(found).size(), authenticator + " has mixed requirements " + found);
        return found.get(0);
    }

    private static void collectRequirements(JsonNode flow, String authenticator, List<String> found) {
        for (JsonNode execution : flow.path("authenticationExecutions")) {
            if (execution.path("authenticatorFlow").asBoolean()) {
                collectRequirements(flow(execution.path("flowAlias").asText()), authenticator, found);
            } else if (authenticator.equals(execution.path("authenticator").asText())) {
                found.add(execution.path("requirement").asText());
            }
        }
    }

    private static JsonNode flow(String alias) {
        for (JsonNode flow : realm.path("authenticationFlows")) {
            if (alias.equals(flow.path("alias").asText())) {
                return flow;
            }
        }
        throw new AssertionError("the prod realm defines no authentication flow '" + alias + "'");
    }

    private static JsonNode authenticatorConfig(String alias) {
        for (JsonNode config : realm.path("authenticatorConfig")) {
            if (alias.equals(config.path("alias").asText())) {
                return config.path("config");
            }
        }
        throw new AssertionError("the prod realm defines no authenticator config '" + alias + "'");
    }

    /** {@code length(12) and notUsername and passwordHistory(5)} as policy name to value ("" when it has none). */
    static Map<String, String> passwordPolicy(String text) {
        Map<String, String> policy = new LinkedHashMap<>();
        for (String part : text.split(" and ")) {
            String trimmed = part.trim();
            int open = trimmed.indexOf('(');
            if (open < 0) {
                policy.put(trimmed, "");
            } else {
                policy.put(trimmed.substring(0, open), trimmed.substring(open + 1, trimmed.length() - 1));
            }
        }
        return policy;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
