package org.lodestone.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server of the stack: embedded binaries from Maven Central with a persistent data directory,
 * or a server the user names with {@code LODESTONE_DB_URL}. Either way each service gets its own database.
 */
final class Database {

    static final List<String> SERVICE_DATABASES = List.of("country", "mineral", "agreement");

    /** Credentials the services use on the embedded server; local only, like the demo realm. */
    private static final String SERVICE_USER = "lodestone";
    private static final String SERVICE_PASSWORD = "lodestone";

    private final StackSettings settings;
    private final Consumer<String> out;
    private EmbeddedPostgres embedded;

    Database(StackSettings settings, Consumer<String> out) {
        this.settings = settings;
        this.out = out;
    }

    void start() {
        if (settings.externalDatabase().isPresent()) {
            out.accept("using PostgreSQL at " + settings.externalDatabase().get().jdbcUrl());
        } else {
            startEmbedded();
        }
        createServiceDatabases();
    }

    void stop() {
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
        } catch (IOException e) {
            // Ctrl-C reaches PostgreSQL too (same process group), so it may already be gone.
            out.accept("PostgreSQL stop: " + e.getMessage());
        }
        embedded = null;
    }

    boolean isRunning() {
        return embedded != null || settings.externalDatabase().isPresent();
    }

    boolean isEmbedded() {
        return settings.externalDatabase().isEmpty();
    }

    /**
     * Whether the embedded server's postmaster is alive, from the pid file it keeps in the data directory (zonky
     * starts it through pg_ctl, so it is not a child process we hold).
     */
    boolean isServerAlive() {
        if (embedded == null) {
            return false;
        }
        return postmasterPid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The postmaster's process id while the embedded server runs. */
    Optional<Long> postmasterPid() {
        Path pidFile = dataDirectory().resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Starts the embedded server again on the same data directory after it died. */
    void restart() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException | RuntimeException e) {
                // it is already dead; closing only releases zonky's bookkeeping
            }
            embedded = null;
        }
        start();
    }

    String jdbcUrlFor(String database) {
        return settings.externalDatabase()
                .map(external -> replaceDatabase(external.jdbcUrl(), database))
                .orElse("jdbc:postgresql://localhost:" + settings.ports().postgres() + "/" + database);
    }

    String serviceUser() {
        return settings.externalDatabase().map(StackSettings.ExternalDatabase::user).orElse(SERVICE_USER);
    }

    String servicePassword() {
        return settings.externalDatabase().map(StackSettings.ExternalDatabase::password).orElse(SERVICE_PASSWORD);
    }

    Path dataDirectory() {
        return settings.home().resolve("postgres/data");
    }

    private void startEmbedded() {
        Path data = dataDirectory();
        boolean fresh = !Files.isRegularFile(data.resolve("PG_VERSION"));
        Ports.requireFree(settings.ports().postgres(), "PostgreSQL");
        out.accept("starting PostgreSQL on port " + settings.ports().postgres()
                + (fresh ? " (new data directory " + data + ")" : " (data in " + data + ")") + "...");
        long started = System.nanoTime();
        try {
            Files.createDirectories(data.getParent());
            Files.createDirectories(settings.logs());
            Path binaries = settings.home().resolve("postgres/binaries");
            Files.createDirectories(binaries);
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPgBinaryResolver(Database::firstMatchingBinaries)
                    .setPort(settings.ports().postgres())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky turns this off for throw-away test databases; this data directory is meant to persist
                    .setServerConfig("synchronous_commit", "on")
                    // the JVM hook would race ours; LocalStack stops PostgreSQL last, after the services
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(settings.logs().resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(settings.logs().resolve("postgres.log").toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StackException("PostgreSQL failed to start (data directory " + data + ", log "
                    + settings.logs().resolve("postgres.log") + "): " + e.getMessage(), e);
        }
        out.accept("PostgreSQL ready in " + Seconds.since(started) + " s");
    }

    /**
     * Takes the first classpath resource with the binaries for this machine. zonky's default resolver refuses to
     * choose when it finds the same archive twice, which happens whenever the launcher jar (whose manifest lists
     * its lib/ copies) and the same Maven artifacts are on one classpath, as in the e2e tests' reactor build.
     */
    private static InputStream firstMatchingBinaries(String system, String machine) throws IOException {
        String name = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + machine.toLowerCase(Locale.ROOT) + ".txz";
        InputStream binaries = Database.class.getClassLoader().getResourceAsStream(name);
        return binaries != null ? binaries : DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machine);
    }

    private void createServiceDatabases() {
        String adminUrl;
        String adminUser;
        String adminPassword;
        if (embedded != null) {
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
            adminUser = "postgres";
            adminPassword = "postgres";
        } else {
            StackSettings.ExternalDatabase external = settings.externalDatabase().orElseThrow();
            adminUrl = external.jdbcUrl();
            adminUser = external.user();
            adminPassword = external.password();
        }
        try (Connection connection = DriverManager.getConnection(adminUrl, adminUser, adminPassword);
                Statement statement = connection.createStatement()) {
            if (embedded != null && !exists(connection, "select 1 from pg_roles where rolname = ?", SERVICE_USER)) {
                statement.execute("create role " + SERVICE_USER + " login password '" + SERVICE_PASSWORD + "'");
            }
            for (String database : SERVICE_DATABASES) {
                if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                    String owner = embedded != null ? " owner " + SERVICE_USER : "";
                    statement.execute("create database " + database + owner);
                    out.accept("created database " + database);
                }
            }
        } catch (SQLException e) {
            throw new StackException("PostgreSQL: could not create the service databases " + SERVICE_DATABASES
                    + " at " + adminUrl + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    /** {@code jdbc:postgresql://host:5432/postgres?x=y} with database {@code country} -> {@code .../country?x=y}. */
    static String replaceDatabase(String jdbcUrl, String database) {
        int hostStart = jdbcUrl.indexOf("//");
        if (hostStart < 0) {
            throw new StackException("LODESTONE_DB_URL must look like jdbc:postgresql://host:port/database, got " + jdbcUrl);
        }
        int query = jdbcUrl.indexOf('?', hostStart);
        String withoutQuery = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String parameters = query < 0 ? "" : jdbcUrl.substring(query);
        int slash = withoutQuery.indexOf('/', hostStart + 2);
        String server = slash < 0 ? withoutQuery : withoutQuery.substring(0, slash);
        return server + "/" + database + parameters;
    }
}
