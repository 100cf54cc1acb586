package org.lodestone.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.lodestone.localstack.LocalStack;
import org.lodestone.localstack.OtlpTraceReceiver;
import org.lodestone.localstack.StackSettings;

/**
 * Boots the whole stack once for all e2e classes (through the same {@link LocalStack} the launcher command uses) and
 * stops it when the test run ends. Ports are picked free at random, so a local stack already running on the default
 * ports is left alone; the data directory is fresh each run (the unpacked Keycloak is kept between runs).
 */
public final class RunningStack implements BeforeAllCallback {

    static final List<String> DEMO_USERS = List.of("us-member", "jp-member", "de-member", "fr-member", "gb-member",
            "it-member", "ca-member", "eu-member", "au-member", "in-member", "kr-member", "mx-member", "coalition-analyst",
            "coalition-admin");
    static final int EXPIRING_LIFESPAN = 5;

    private static LocalStack stack;
    private static String expiring;
    private static Throwable bootFailure;
    private static Keycloak keycloak;
    private static Graphql graphql;
    private static OtlpTraceReceiver traces;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(LocalStack.class, type -> boot(), LocalStack.class);
    }

    public static LocalStack stack() {
        return stack;
    }

    public static Keycloak keycloak() {
        return keycloak;
    }

    public static Graphql graphql() {
        return graphql;
    }

    /** The OTLP receiver every service and the gateway of the stack export their spans to. */
    public static OtlpTraceReceiver traces() {
        return traces;
    }

    /** A Keycloak-signed jp-member token with a lifespan of a few seconds, issued when the stack booted. */
    public static String expiringToken() {
        return expiring;
    }

    private static LocalStack boot() {
        if (bootFailure != null) {
            throw new IllegalStateException("the stack failed to boot for an earlier test class", bootFailure);
        }
        try {
            return bootOnce();
        } catch (RuntimeException | Error e) {
            bootFailure = e;
            throw e;
        }
    }

    private static LocalStack bootOnce() {
        Path repository = Path.of(System.getProperty("lodestone.repository", "../..")).toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("lodestone.e2e.home", "target/e2e-home")).toAbsolutePath();
        // fresh state every run: empty databases and a freshly imported realm; the Keycloak installation stays
        deleteRecursively(home.resolve("postgres/data"));
        deleteRecursively(home.resolve("logs"));
        try (Stream<Path> children = Files.isDirectory(home) ? Files.list(home) : Stream.empty()) {
            children.filter(p -> p.getFileName().toString().startsWith("keycloak-"))
                    .forEach(p -> deleteRecursively(p.resolve("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StackSettings.Ports ports = freePorts();
        traces = OtlpTraceReceiver.start(0);
        StackSettings settings = new StackSettings(home, repository, ports, Optional.empty(), "256m")
                .withTracesEndpoint(traces.endpoint());
        step("booting the stack (data " + home + ", ports " + ports + ")");
        long started = System.nanoTime();
        LocalStack booted = new LocalStack(settings, line -> System.out.println("    [stack] " + line));
        // Should the test JVM be stopped before JUnit closes the store, the processes must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(booted::stop, "e2e-stack-stop"));
        booted.start();
        try {
            step("stack ready in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
            keycloak = new Keycloak(settings.keycloakUrl());
            graphql = new Graphql(settings.gatewayUrl());
            step("password grant for every demo user (client " + Keycloak.CLIENT + ")");
            DEMO_USERS.forEach(keycloak::token);
            // Issued now, checked by the token scenario minutes later: by then well past expiry and clock skew.
            step("a genuine jp-member token that lives " + EXPIRING_LIFESPAN
                    + " s (the admin API shortens the client's token lifespan for one grant)");
            expiring = keycloak.shortLivedToken("jp-member", EXPIRING_LIFESPAN);
        } catch (RuntimeException | Error e) {
            booted.stop();
            throw e;
        }
        stack = booted;
        printResidentMemory(booted);
        return booted;
    }

    /** Resident memory of each component right after boot, child processes included (Linux /proc only). */
    static void printResidentMemory(LocalStack booted) {
        for (String name : LocalStack.COMPONENTS) {
            long pid = LocalStack.POSTGRES.equals(name) ? postmasterPid(booted) : booted.pid(name);
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty()) {
                continue;
            }
            long kilobytes = Stream.concat(Stream.of(process.get()), process.get().descendants())
                    .mapToLong(p -> residentKilobytes(p.pid())).sum();
            if (kilobytes > 0) {
                step("  RSS " + name + ": " + kilobytes / 1024 + " MB");
            }
        }
    }

    private static long residentKilobytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long postmasterPid(LocalStack booted) {
        Path pidFile = booted.settings().home().resolve("postgres/data/postmaster.pid");
        try {
            return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static void step(String text) {
        System.out.println("==> " + text);
    }

    private static StackSettings.Ports freePorts() {
        Set<Integer> taken = new HashSet<>();
        int[] ports = new int[6];
        for (int i = 0; i < ports.length; i++) {
            int port;
            do {
                port = freePort();
                // Keycloak's management interface goes on its HTTP port + 820; keep that one free too
            } while (!taken.add(port) || (i == 1 && !isFree(port + 820)));
            ports[i] = port;
        }
        return new StackSettings.Ports(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5]);
    }

    /** A port free right now (the OS's choice), for a process a test starts beside the stack. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFree(int port) {
        if (port > 65535) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
