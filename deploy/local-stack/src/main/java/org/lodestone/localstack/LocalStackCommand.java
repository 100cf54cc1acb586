package org.lodestone.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code java -jar deploy/local-stack/target/local-stack.jar [start|stop]}: starts the local stack in the
 * foreground (Ctrl-C stops it) or stops a running one.
 */
public final class LocalStackCommand {

    private static final List<String> DEMO_COUNTRIES = List.of("us", "jp", "de", "fr", "gb", "it", "ca", "eu", "au", "in",
            "kr", "mx");

    private LocalStackCommand() {
    }

    public static void main(String[] args) {
        // zonky logs through SLF4J; without a provider it would warn on every start (its output goes to postgres.log)
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        String command = args.length == 0 ? "start" : args[0];
        try {
            StackSettings settings = StackSettings.fromEnvironment(System.getenv());
            switch (command) {
                case "start" -> start(settings, List.of(args).subList(Math.min(1, args.length), args.length));
                case "stop" -> stop(settings);
                default -> {
                    System.err.println("usage: java -jar deploy/local-stack/target/local-stack.jar [start [component...] | stop]"
                            + "\n  components: " + String.join(" ", LocalStack.COMPONENTS) + " (default: all)");
                    System.exit(2);
                }
            }
        } catch (StackException e) {
            System.err.println("local stack: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void start(StackSettings settings, List<String> components) {
        if (Runtime.version().feature() < 17) {
            throw new StackException("Java 17 or newer is needed, this is Java " + Runtime.version());
        }
        Path pidFile = settings.home().resolve("local-stack.pid");
        Optional<ProcessHandle> running = launcherFrom(pidFile);
        if (running.isPresent()) {
            throw new StackException("a local stack is already running (pid " + running.get().pid()
                    + ", data in " + settings.home() + "); stop it with: java -jar deploy/local-stack/target/local-stack.jar stop");
        }
        System.out.println("Lodestone local stack: data in " + settings.home() + " (set LODESTONE_HOME to change), logs in "
                + settings.logs());
        OtlpTraceReceiver receiver = null;
        TracePrinter printer = null;
        if ("print".equalsIgnoreCase(System.getenv().getOrDefault("LODESTONE_TRACES", ""))) {
            int port = otlpPort(System.getenv().get("LODESTONE_OTLP_PORT"));
            receiver = OtlpTraceReceiver.start(port);
            printer = new TracePrinter(receiver, System.out);
            settings = settings.withTracesEndpoint(receiver.endpoint());
            System.out.println("traces: OTLP/HTTP receiver on " + receiver.endpoint()
                    + "; each request's trace is printed as a span tree");
        }
        LocalStack stack = new LocalStack(settings, System.out::println);
        OtlpTraceReceiver tracesReceiver = receiver;
        TracePrinter tracesPrinter = printer;
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            System.out.println("shutting down (reverse order)...");
            stack.stop();
            if (tracesPrinter != null) {
                tracesPrinter.close();
                tracesReceiver.close();
            }
            deleteQuietly(pidFile);
            System.out.println("stopped.");
            stopped.countDown();
        }, "local-stack-shutdown");
        try {
            Files.createDirectories(settings.home());
            Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new StackException("cannot write to the data directory " + settings.home() + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(hook);
        List<String> selection = components.isEmpty() ? LocalStack.COMPONENTS : components;
        try {
            stack.start(selection);
        } catch (RuntimeException e) {
            // start() already stopped what it had started, or the hook is stopping it right now (Ctrl-C, `stop`)
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownInProgress) {
                return;
            }
            deleteQuietly(pidFile);
            throw e instanceof StackException ? e : new StackException(e.getMessage(), e);
        }
        // Unpacking the PostgreSQL binaries grew the heap; the launcher only waits from here on, so give it back.
        System.gc();
        if (selection.contains(LocalStack.GATEWAY)) {
            printWelcome(settings);
        } else {
            System.out.println("started " + String.join(", ", selection) + "; Ctrl-C stops them.");
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks a running launcher to stop (its shutdown hook stops the components), then cleans up leftovers. */
    private static void stop(StackSettings settings) {
        Path pidFile = settings.home().resolve("local-stack.pid");
        Optional<ProcessHandle> launcher = launcherFrom(pidFile);
        if (launcher.isPresent()) {
            System.out.println("stopping the local stack (pid " + launcher.get().pid() + ")...");
            launcher.get().destroy();
            try {
                launcher.get().onExit().get(120, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.out.println("the launcher did not stop in 120 s; stopping its processes directly");
                launcher.get().destroyForcibly();
            }
        } else {
            System.out.println("no running launcher found in " + settings.home());
        }
        deleteQuietly(pidFile);
        // A launcher killed with SIGKILL leaves its children behind: stop them from their pid files.
        Path pids = settings.home().resolve("pids");
        if (Files.isDirectory(pids)) {
            try (Stream<Path> files = Files.list(pids)) {
                for (Path file : files.toList()) {
                    processFrom(file).filter(p -> p.info().command().map(c -> c.contains("java")).orElse(false))
                            .ifPresent(p -> {
                                System.out.println("stopping leftover " + file.getFileName() + " (pid " + p.pid() + ")");
                                ManagedProcess.terminate(p, Duration.ofSeconds(30));
                            });
                    deleteQuietly(file);
                }
            } catch (IOException e) {
                throw new StackException("cannot read " + pids + ": " + e.getMessage(), e);
            }
        }
        processFrom(settings.home().resolve("postgres/data/postmaster.pid"))
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(p -> {
                    System.out.println("stopping leftover PostgreSQL (pid " + p.pid() + ")");
                    ManagedProcess.terminate(p, Duration.ofSeconds(30));
                });
        System.out.println("stopped.");
    }

    private static int otlpPort(String value) {
        if (value == null || value.isBlank()) {
            return 4318;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new StackException("LODESTONE_OTLP_PORT must be a port number, got '" + value + "'");
        }
    }

    private static Optional<ProcessHandle> launcherFrom(Path pidFile) {
        return processFrom(pidFile).filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().command().map(c -> c.contains("java")).orElse(true));
    }

    private static Optional<ProcessHandle> processFrom(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return ProcessHandle.of(Long.parseLong(firstLine)).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale pid file is checked against the process table next time
        }
    }

    private static void printWelcome(StackSettings settings) {
        String keycloak = settings.keycloakUrl();
        String gateway = settings.gatewayUrl();
        StackSettings.Ports ports = settings.ports();
        StringBuilder users = new StringBuilder();
        for (String country : DEMO_COUNTRIES) {
            users.append(country).append("-member ");
        }
        System.out.println("""

                Lodestone is running.
                  Console            %s/  (sign in as a demo user below; GraphQL explorer at %s/explorer)
                  GraphQL gateway    %s/graphql
                  country-service    http://localhost:%d   mineral-service http://localhost:%d   agreement-service http://localhost:%d
                  Keycloak           %s  (realm "coalition"; admin console: admin / admin, local only)
                  PostgreSQL         %s
                  logs               %s

                Demo users (password demo-password):
                  members:  %s
                  analyst:  coalition-analyst      admin: coalition-admin

                Try it (a token for jp-member, then a query through the gateway):

                  TOKEN=$(curl -s -d grant_type=password -d client_id=coalition-cli \\
                    -d username=jp-member -d password=demo-password \\
                    %s/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                  curl -s %s/graphql -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                    -d '{"query":"{ me { username country { code name } roles } countries(coalitionOnly: true) { code name } }"}'

                Ctrl-C stops everything (or, from another terminal: java -jar deploy/local-stack/target/local-stack.jar stop).
                """.formatted(gateway, gateway, gateway, ports.country(), ports.mineral(), ports.agreement(), keycloak,
                settings.externalDatabase().map(StackSettings.ExternalDatabase::jdbcUrl)
                        .orElse("jdbc:postgresql://localhost:" + ports.postgres() + "/{country,mineral,agreement}  user lodestone / lodestone"),
                settings.logs(), users.toString().trim(), settings.issuer(), gateway));
    }
}
