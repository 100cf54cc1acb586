package org.lodestone.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/** The realm file is the one source of truth; the overlays' realm imports derive from it and prod drops the demo parts. */
class RealmImportTest {

    /** Keycloak's own clients, declared in the realm file so that they get the realm's client scopes. */
    private static final Set<String> KEYCLOAK_CLIENTS = Set.of("account", "account-console");
    private static final List<String> MEMBERS = List.of("us", "jp", "de", "fr", "gb", "it", "ca", "eu", "au", "in", "kr", "mx");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void committedRealmImportIsGeneratedFromTheRealmFile(String overlay) throws IOException {
        if (Boolean.getBoolean("lodestone.update-realm-imports")) {
            RealmImportGenerator.writeCommitted(overlay);
        }
        assertEquals(RealmImportGenerator.generate(overlay), Files.readString(RealmImportGenerator.committedFile(overlay)),
                "overlays/" + overlay + "/keycloak/realm-import.yaml is stale: run ./mvnw -pl deploy/kubernetes verify"
                        + " -Dlodestone.update-realm-imports=true to refresh");
    }

    @Test
    void prodRealmImportHasNoDemoUsersAndNoDirectGrantClient() {
        List<JsonNode> imports = RenderedManifests.of("prod").ofKind("KeycloakRealmImport");
        assertEquals(1, imports.size(), "prod: one KeycloakRealmImport expected");
        JsonNode spec = imports.get(0).path("spec");
        JsonNode realm = spec.path("realm");
        assertEquals("coalition", realm.path("realm").asText());
        for (JsonNode user : realm.path("users")) {
            assertTrue(user.hasNonNull("serviceAccountClientId"), "prod realm has a person user: " + user.path("username").asText());
            assertTrue(user.path("credentials").isEmpty(), "prod realm user with credentials: " + user.path("username").asText());
        }
        Set<String> clients = new TreeSet<>();
        for (JsonNode client : realm.path("clients")) {
            clients.add(client.path("clientId").asText());
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(false),
                    "prod client allows direct access grants: " + client.path("clientId").asText());
        }
        assertEquals(Set.of("lodestone-automation", "account", "account-console"), clients, "prod realm clients");
        String text = realm.toString().toLowerCase(Locale.ROOT);
        assertFalse(text.contains("demo"), "prod realm still mentions demo content");
        JsonNode automation = realm.path("clients").get(0);
        assertEquals("${" + RealmImportGenerator.AUTOMATION_SECRET_PLACEHOLDER + "}", automation.path("secret").asText());
        assertEquals(RealmImportGenerator.AUTOMATION_SECRET_NAME, spec.path("placeholders")
                .path(RealmImportGenerator.AUTOMATION_SECRET_PLACEHOLDER).path("secret").path("name").asText());
    }

    @Test
    void devRealmImportIsTheRealmFileUnchanged() {
        List<JsonNode> imports = RenderedManifests.of("dev").ofKind("KeycloakRealmImport");
        assertEquals(1, imports.size(), "dev: one KeycloakRealmImport expected");
        assertEquals(RealmImportGenerator.readRealm(), imports.get(0).path("spec").path("realm"));
    }

    @Test
    void realmFileHoldsTheSecurityContract() {
        JsonNode realm = RealmImportGenerator.readRealm();
        assertEquals("coalition", realm.path("realm").asText());
        Set<String> roles = new TreeSet<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        assertTrue(roles.containsAll(Set.of("member", "analyst", "admin")), "realm roles " + roles);

        JsonNode apiScope = null;
        for (JsonNode scope : realm.path("clientScopes")) {
            if ("lodestone-api".equals(scope.path("name").asText())) {
                apiScope = scope;
            }
        }
        assertTrue(apiScope != null, "client scope lodestone-api missing");
        List<String> mappers = new ArrayList<>();
        for (JsonNode mapper : apiScope.path("protocolMappers")) {
            JsonNode config = mapper.path("config");
            if ("oidc-audience-mapper".equals(mapper.path("protocolMapper").asText())
                    && "lodestone-api".equals(config.path("included.custom.audience").asText())
                    && "true".equals(config.path("access.token.claim").asText())) {
                mappers.add("audience");
            }
            if ("oidc-usermodel-attribute-mapper".equals(mapper.path("protocolMapper").asText())
                    && "country".equals(config.path("user.attribute").asText())
                    && "country".equals(config.path("claim.name").asText())
                    && "true".equals(config.path("access.token.claim").asText())) {
                mappers.add("country");
            }
        }
        assertEquals(List.of("audience", "country"), mappers.stream().sorted().toList());
        assertTrue(textValues(realm.path("defaultDefaultClientScopes")).contains("lodestone-api"));
        for (JsonNode client : realm.path("clients")) {
            // A realm file that lists client scopes replaces Keycloak's built-in ones, so each must be spelled out;
            // Keycloak's own clients created at import would get none, which is why the file declares them too.
            String clientId = client.path("clientId").asText();
            Set<String> scopes = textValues(client.path("defaultClientScopes"));
            assertTrue(scopes.containsAll(Set.of("roles", "basic", "profile")), clientId + " default scopes " + scopes);
            // Tokens of Keycloak's account console are for the account console, never for the Lodestone API.
            assertEquals(!KEYCLOAK_CLIENTS.contains(clientId), scopes.contains("lodestone-api"),
                    clientId + " default scopes " + scopes);
        }

        for (String member : MEMBERS) {
            JsonNode user = user(realm, member + "-member");
            assertEquals(List.of(member.toUpperCase(Locale.ROOT)), textList(user.path("attributes").path("country")));
            assertEquals(List.of("member"), textList(user.path("realmRoles")));
            assertDemoLogin(user);
        }
        assertEquals(List.of("analyst"), textList(user(realm, "coalition-analyst").path("realmRoles")));
        assertEquals(List.of("admin"), textList(user(realm, "coalition-admin").path("realmRoles")));
        assertDemoLogin(user(realm, "coalition-analyst"));
        assertDemoLogin(user(realm, "coalition-admin"));
    }

    private static void assertDemoLogin(JsonNode user) {
        String name = user.path("username").asText();
        assertTrue(user.path("enabled").asBoolean(), name + " disabled");
        assertTrue(user.path("emailVerified").asBoolean(), name + " email not verified");
        assertTrue(user.path("requiredActions").isEmpty(), name + " has required actions");
        for (String field : List.of("email", "firstName", "lastName")) {
            assertFalse(user.path(field).asText().isBlank(), name + " lacks " + field + " (Keycloak would demand a profile update)");
        }
        assertEquals(List.of("view-profile", "manage-account"), textList(user.path("clientRoles").path("account")),
                name + " lacks the account roles its account console needs (imported users get no default roles)");
        JsonNode credential = user.path("credentials").get(0);
        assertEquals("demo-password", credential.path("value").asText(), name);
        assertFalse(credential.path("temporary").asBoolean(true), name + " password is temporary");
    }

    private static JsonNode user(JsonNode realm, String username) {
        for (JsonNode user : realm.path("users")) {
            if (username.equals(user.path("username").asText())) {
                return user;
            }
        }
        throw new AssertionError("user " + username + " missing from the realm");
    }

    private static Set<String> textValues(JsonNode array) {
        return new TreeSet<>(textList(array));
    }

    private static List<String> textList(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
