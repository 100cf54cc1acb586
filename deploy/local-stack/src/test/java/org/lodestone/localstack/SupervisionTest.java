package org.lodestone.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher keeps the stack up: a component that dies on its own comes back after a backoff pause and the crash is
 * reported, the others keep running, a component stopped on purpose stays stopped, and a PostgreSQL server that dies
 * is started again on the same data, committed rows included.
 */
class SupervisionTest {

    private static final Supervisor.Backoff FAST = new Supervisor.Backoff(Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofSeconds(60));

    @TempDir
    Path temp;

    private final List<String> output = new CopyOnWriteArrayList<>();

    @Test
    void backoffDoublesUpToItsCap() {
        Supervisor.Backoff backoff = new Supervisor.Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L),
                List.of(1, 2, 3, 4, 5, 6, 40).stream().map(a -> backoff.delay(a).toSeconds()).toList());
    }

    @Test
    void aKilledServiceIsRestartedAndReportedWhileTheOthersKeepRunning() throws IOException {
        fakeServiceJar(LocalStack.COUNTRY);
        fakeServiceJar(LocalStack.MINERAL);
        try (LocalStack stack = new LocalStack(settings(), output::add, FAST)) {
            stack.start(List.of(LocalStack.COUNTRY, LocalStack.MINERAL));
            long country = stack.pid(LocalStack.COUNTRY);
            long mineral = stack.pid(LocalStack.MINERAL);

            ProcessHandle.of(country).orElseThrow().destroyForcibly();

            await("country-service restarted", () -> stack.restarts(LocalStack.COUNTRY) == 1);
            assertTrue(stack.isRunning(LocalStack.COUNTRY));
            assertNotEquals(country, stack.pid(LocalStack.COUNTRY), "a new process");
            assertEquals(mineral, stack.pid(LocalStack.MINERAL), "mineral-service was left alone");
            assertTrue(output.stream().anyMatch(l -> l.startsWith("!! country-service exited unexpectedly")), output::toString);
            assertTrue(output.stream().anyMatch(l -> l.startsWith("country-service restarted and ready")), output::toString);

            // killed again right away: it comes back again, the attempt count growing the pause
            ProcessHandle.of(stack.pid(LocalStack.COUNTRY)).orElseThrow().destroyForcibly();
            await("country-service restarted twice", () -> stack.restarts(LocalStack.COUNTRY) == 2);
            assertTrue(output.stream().anyMatch(l -> l.contains("restarting it in 0.4 s (attempt 2)")), output::toString);
        }
    }

    @Test
    void aComponentStoppedOnPurposeStaysStopped() throws IOException, InterruptedException {
        fakeServiceJar(LocalStack.AGREEMENT);
        try (LocalStack stack = new LocalStack(settings(), output::add, FAST)) {
            stack.start(List.of(LocalStack.AGREEMENT));
            stack.stopComponent(LocalStack.AGREEMENT);
            Thread.sleep(1500);
            assertFalse(stack.isRunning(LocalStack.AGREEMENT));
            assertEquals(0, stack.restarts(LocalStack.AGREEMENT));

            stack.startComponent(LocalStack.AGREEMENT);
            ProcessHandle.of(stack.pid(LocalStack.AGREEMENT)).orElseThrow().destroyForcibly();
            await("agreement-service restarted after a start by hand", () -> stack.restarts(LocalStack.AGREEMENT) == 1);
        }
    }

    @Test
    void aDeadPostgresIsStartedAgainWithItsCommittedRows() throws SQLException, IOException {
        // the unpacked binaries are kept under target/ between runs; the data directory is new each time
        Path home = Path.of("target/supervision-home").toAbsolutePath();
        deleteRecursively(home.resolve("postgres/data"));
        StackSettings settings = settings(home);
        try (LocalStack stack = new LocalStack(settings, output::add, FAST)) {
            stack.start(List.of(LocalStack.POSTGRES));
            String url = "jdbc:postgresql://localhost:" + settings.ports().postgres() + "/agreement";
            try (Connection connection = DriverManager.getConnection(url, "lodestone", "lodestone");
                    Statement statement = connection.createStatement()) {
                statement.execute("create table kept (id int primary key)");
                statement.execute("insert into kept values (1), (2), (3)");
            }
            long postmaster = stack.pid(LocalStack.POSTGRES);
            assertTrue(postmaster > 0);

            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();

            await("PostgreSQL restarted", () -> stack.restarts(LocalStack.POSTGRES) == 1);
            assertTrue(stack.isRunning(LocalStack.POSTGRES));
            assertNotEquals(postmaster, stack.pid(LocalStack.POSTGRES));
            assertTrue(output.stream().anyMatch(l -> l.startsWith("!! postgres died")), output::toString);
            try (Connection connection = DriverManager.getConnection(url, "lodestone", "lodestone");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select count(*) from kept")) {
                rows.next();
                assertEquals(3, rows.getInt(1), "committed rows survive the crash");
            }
        }
    }

    private StackSettings settings() {
        return settings(temp.resolve("home"));
    }

    private StackSettings settings(Path home) {
        int[] ports = new int[6];
        for (int i = 0; i < ports.length; i++) {
            ports[i] = freePort();
        }
        return new StackSettings(home, temp.resolve("repository"),
                new StackSettings.Ports(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5]), Optional.empty(), "32m");
    }

    /** A runnable jar where the launcher expects the service's Quarkus jar, running {@link FakeService}. */
    private void fakeServiceJar(String service) throws IOException {
        Path jar = temp.resolve("repository").resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(entry));
            try (var in = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(out);
            }
            out.closeEntry();
        }
    }

    private void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen in 60 s; output: " + output);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(each);
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
