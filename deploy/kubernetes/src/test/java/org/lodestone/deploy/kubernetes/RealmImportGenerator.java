package org.lodestone.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Builds the {@code KeycloakRealmImport} resources of the overlays from the one realm file,
 * {@code deploy/keycloak/coalition-realm.json}: {@code dev} imports it as it is (demo realm); {@code prod} imports
 * it without demo users, without clients that allow direct access grants, with the automation client's secret
 * taken from an operator-provided Secret through the Keycloak Operator's placeholders, with HTTPS required for every
 * request, and with the realm file's own sign-in flows bound: a second factor for admins and analysts in the browser,
 * and no password grant for them.
 */
final class RealmImportGenerator {

    static final String AUTOMATION_CLIENT = "lodestone-automation";
    static final String AUTOMATION_SECRET_PLACEHOLDER = "LODESTONE_AUTOMATION_CLIENT_SECRET";
    static final String AUTOMATION_SECRET_NAME = "lodestone-automation-client";
    static final String AUTOMATION_SECRET_KEY = "client-secret";
    /** Flows defined in the realm file; the demo realm keeps Keycloak's built-in bindings so demo users sign in. */
    static final String PROD_BROWSER_FLOW = "lodestone browser";
    static final String PROD_DIRECT_GRANT_FLOW = "lodestone direct grant";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private RealmImportGenerator() {
    }

    static Path committedFile(String overlay) {
        return RepositoryLayout.overlay(overlay).resolve("keycloak/realm-import.yaml");
    }

    static String generate(String overlay) {
        ObjectNode realm = readRealm();
        ObjectNode spec = JSON.createObjectNode();
        spec.put("keycloakCRName", "keycloak");
        switch (overlay) {
            case "dev" -> { }
            case "prod" -> {
                toProduction(realm);
                ObjectNode secret = spec.putObject("placeholders").putObject(AUTOMATION_SECRET_PLACEHOLDER).putObject("secret");
                secret.put("name", AUTOMATION_SECRET_NAME);
                secret.put("key", AUTOMATION_SECRET_KEY);
            }
            default -> throw new IllegalArgumentException("No realm variant for overlay " + overlay);
        }
        spec.set("realm", realm);
        ObjectNode resource = JSON.createObjectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", "coalition");
        resource.set("spec", spec);
        String header = "# Generated from deploy/keycloak/coalition-realm.json by RealmImportGenerator (deploy/kubernetes tests).\n"
                + "# Do not edit: change the realm file, then run\n"
                + "#   ./mvnw -pl deploy/kubernetes verify -Dlodestone.update-realm-imports=true\n"
                + ("dev".equals(overlay)
                        ? "# DEMO realm: demo users with the published password and the direct-grant client coalition-cli.\n"
                        : "# Production realm: no demo users, no direct-grant client, HTTPS only, second factor for admins and\n"
                        + "# analysts; the automation secret comes from a Secret.\n");
        try {
            return header + YAML.writeValueAsString(resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode readRealm() {
        try {
            return (ObjectNode) JSON.readTree(RepositoryLayout.realmFile().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RepositoryLayout.realmFile(), e);
        }
    }

    /** Removes everything that exists only for the local stack and tests, and tightens what the demo leaves open. */
    static void toProduction(ObjectNode realm) {
        realm.put("sslRequired", "all");
        realm.put("browserFlow", requireFlow(realm, PROD_BROWSER_FLOW));
        realm.put("directGrantFlow", requireFlow(realm, PROD_DIRECT_GRANT_FLOW));
        ArrayNode users = realm.withArray("users");
        // Service-account users belong to confidential clients and stay; every person in the file is a demo user.
        for (int i = users.size() - 1; i >= 0; i--) {
            if (!users.get(i).hasNonNull("serviceAccountClientId")) {
                users.remove(i);
            }
        }
        ArrayNode clients = realm.withArray("clients");
        for (int i = clients.size() - 1; i >= 0; i--) {
            JsonNode client = clients.get(i);
            if (client.path("directAccessGrantsEnabled").asBoolean(false) || redirectsToLocalhost(client)) {
                clients.remove(i);
            } else if (AUTOMATION_CLIENT.equals(client.path("clientId").asText())) {
                ((ObjectNode) client).put("secret", "${" + AUTOMATION_SECRET_PLACEHOLDER + "}");
            }
        }
    }

    private static String requireFlow(ObjectNode realm, String alias) {
        for (JsonNode flow : realm.path("authenticationFlows")) {
            if (alias.equals(flow.path("alias").asText()) && flow.path("topLevel").asBoolean()) {
                return alias;
            }
        }
        throw new IllegalStateException("The realm file defines no top-level authentication flow '" + alias + "'");
    }

    /** A browser client registered for the local stack (the console on localhost); a deployment registers its own. */
    private static boolean redirectsToLocalhost(JsonNode client) {
        for (JsonNode uri : client.path("redirectUris")) {
            if (uri.asText().startsWith("http://localhost:")) {
                return true;
            }
        }
        return false;
    }

    /** Rewrites the committed files; used with {@code -Dlodestone.update-realm-imports=true}. */
    static void writeCommitted(String overlay) {
        try {
            Path file = committedFile(overlay);
            Files.createDirectories(file.getParent());
            Files.writeString(file, generate(overlay));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
