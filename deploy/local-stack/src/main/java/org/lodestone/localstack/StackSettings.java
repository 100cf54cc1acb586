package org.lodestone.localstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the stack keeps its state and which ports it uses.
 *
 * @param home data directory outside the source tree (PostgreSQL data, unpacked Keycloak, logs, pid files)
 * @param repository root of the Lodestone checkout (built service jars, the realm file)
 * @param ports listening port of each component
 * @param externalDatabase a PostgreSQL server to use instead of the embedded one
 * @param serviceHeap {@code -Xmx} value for each service and the gateway
 * @param tracesEndpoint an OTLP/HTTP receiver the services and the gateway export their spans to; empty: no tracing
 */
public record StackSettings(Path home, Path repository, Ports ports, Optional<ExternalDatabase> externalDatabase,
        String serviceHeap, Optional<String> tracesEndpoint) {

    public StackSettings(Path home, Path repository, Ports ports, Optional<ExternalDatabase> externalDatabase,
            String serviceHeap) {
        this(home, repository, ports, externalDatabase, serviceHeap, Optional.empty());
    }

    /** The same settings, with spans exported to the OTLP/HTTP receiver at {@code endpoint}. */
    public StackSettings withTracesEndpoint(String endpoint) {
        return new StackSettings(home, repository, ports, externalDatabase, serviceHeap, Optional.of(endpoint));
    }

    /** Ports of the stack; the defaults are the ones DESIGN.md and the README name. */
    public record Ports(int postgres, int keycloak, int country, int mineral, int agreement, int gateway) {

        public static Ports defaults() {
            return new Ports(5432, 8180, 8081, 8082, 8083, 8080);
        }
    }

    /** A PostgreSQL server given by JDBC URL; the user must be allowed to create databases. */
    public record ExternalDatabase(String jdbcUrl, String user, String password) {
    }

    /** Settings for the launcher command, from {@code LODESTONE_*} environment variables. */
    public static StackSettings fromEnvironment(Map<String, String> env) {
        Path home = Optional.ofNullable(env.get("LODESTONE_HOME")).filter(v -> !v.isBlank()).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".lodestone"));
        Path repository = Optional.ofNullable(env.get("LODESTONE_REPOSITORY")).filter(v -> !v.isBlank())
                .map(Path::of).orElseGet(StackSettings::repositoryOfThisJar);
        Ports defaults = Ports.defaults();
        Ports ports = new Ports(
                port(env, "LODESTONE_PG_PORT", defaults.postgres()),
                port(env, "LODESTONE_KEYCLOAK_PORT", defaults.keycloak()),
                port(env, "LODESTONE_COUNTRY_PORT", defaults.country()),
                port(env, "LODESTONE_MINERAL_PORT", defaults.mineral()),
                port(env, "LODESTONE_AGREEMENT_PORT", defaults.agreement()),
                port(env, "LODESTONE_GATEWAY_PORT", defaults.gateway()));
        Optional<ExternalDatabase> external = Optional.ofNullable(env.get("LODESTONE_DB_URL"))
                .filter(v -> !v.isBlank())
                .map(url -> new ExternalDatabase(url,
                        env.getOrDefault("LODESTONE_DB_USER", "postgres"),
                        env.getOrDefault("LODESTONE_DB_PASSWORD", "postgres")));
        String heap = env.getOrDefault("LODESTONE_SERVICE_HEAP", "256m");
        return new StackSettings(home.toAbsolutePath(), repository.toAbsolutePath().normalize(), ports, external, heap);
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path realmFile() {
        return repository.resolve("deploy/keycloak/coalition-realm.json");
    }

    public String keycloakUrl() {
        return "http://localhost:" + ports.keycloak();
    }

    /** The issuer Keycloak writes into tokens: it follows the host and port the token was requested on. */
    public String issuer() {
        return keycloakUrl() + "/realms/coalition";
    }

    public String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new StackException(name + " must be a port number, got '" + value + "'");
        }
    }

    /** The jar lives in {@code deploy/local-stack/target/}; the checkout is three levels up. */
    private static Path repositoryOfThisJar() {
        try {
            Path location = Path.of(StackSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = location;
            for (int i = 0; i < 6 && candidate != null; i++) {
                if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("deploy"))) {
                    return candidate;
                }
                candidate = candidate.getParent();
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
