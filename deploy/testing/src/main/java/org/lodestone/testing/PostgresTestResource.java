package org.lodestone.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Gives a {@code @QuarkusTest} a fresh database on a real PostgreSQL server.
 *
 * <p>By default it starts PostgreSQL from the embedded binaries published on Maven Central, once per
 * test JVM. When {@code LODESTONE_TEST_PG_URL} is set (a JDBC URL of a server where the user may create
 * databases, with {@code LODESTONE_TEST_PG_USER} and {@code LODESTONE_TEST_PG_PASSWORD}), that server is
 * used instead. Either way each test resource gets its own database, so services never share tables.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres embedded;

    private String databasePrefix = "lodestone";

    @Override
    public void init(Map<String, String> initArgs) {
        databasePrefix = initArgs.getOrDefault("database", databasePrefix);
    }

    @Override
    public Map<String, String> start() {
        ServerCoordinates server = server();
        String database = (databasePrefix + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replace('-', '_');
        try (Connection connection = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + database + " on " + server.adminUrl(), e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", server.urlFor(database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        // The embedded server lives for the whole JVM (several test classes reuse it); a shutdown hook stops it.
    }

    private static synchronized ServerCoordinates server() {
        String external = System.getenv("LODESTONE_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            return new ServerCoordinates(external,
                    System.getenv().getOrDefault("LODESTONE_TEST_PG_USER", "postgres"),
                    System.getenv().getOrDefault("LODESTONE_TEST_PG_PASSWORD", "postgres"));
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("Could not start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary data directory is removed by the OS later
                }
            }));
        }
        return new ServerCoordinates(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    private record ServerCoordinates(String adminUrl, String user, String password) {
        String urlFor(String database) {
            int slash = adminUrl.lastIndexOf('/');
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }
    }
}
