package org.lodestone.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of its own for one {@code @QuarkusTest} class, which the test may stop and start again (same
 * port, same data directory, data kept) to see how the service behaves while its database is down and after it
 * returns. Use with {@code restrictToAnnotatedClass = true}.
 */
public class StoppablePostgresResource implements QuarkusTestResourceLifecycleManager {

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres server;

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("lodestone-stoppable-pg");
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        startServer();
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /** The database goes down: the server stops, connections break, new ones are refused. */
    public static synchronized void stopServer() {
        try {
            server.close();
        } catch (IOException e) {
            throw new IllegalStateException("could not stop PostgreSQL", e);
        }
    }

    /** The database is back on the same port with the same data. */
    public static synchronized void startServer() {
        try {
            server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60)).setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start PostgreSQL", e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                // the test JVM is ending
            }
        }
    }
}
