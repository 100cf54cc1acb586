package org.lodestone.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The whole platform on one machine: PostgreSQL, Keycloak, country/mineral/agreement services and the gateway,
 * started in dependency order and stopped in reverse. The launcher command and the end-to-end tests both use it.
 */
public final class LocalStack implements AutoCloseable {

    public static final String POSTGRES = "postgres";
    public static final String KEYCLOAK = "keycloak";
    public static final String COUNTRY = "country-service";
    public static final String MINERAL = "mineral-service";
    public static final String AGREEMENT = "agreement-service";
    public static final String GATEWAY = "gateway";

    /** Start order; stop order is the reverse. */
    public static final List<String> COMPONENTS = List.of(POSTGRES, KEYCLOAK, COUNTRY, MINERAL, AGREEMENT, GATEWAY);

    // Upper bounds only: a loaded machine (CI sharing its cores) can take minutes for what usually takes seconds.
    private static final Duration KEYCLOAK_STARTUP = Duration.ofSeconds(600);
    private static final Duration SERVICE_STARTUP = Duration.ofSeconds(300);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration DATABASE_CHECK = Duration.ofSeconds(2);

    private final StackSettings settings;
    private final Consumer<String> out;
    private final Database database;
    private final KeycloakDistribution keycloak;
    private final Map<String, ManagedProcess> processes = new ConcurrentHashMap<>();
    private final Supervisor supervisor;
    /** Components that were ready once and not stopped since: the supervisor brings them back when they die. */
    private final Set<String> supervised = ConcurrentHashMap.newKeySet();
    /** Instances started beside the components ({@link #startExtraInstance}); stopped first by {@link #stop()}. */
    private final List<ManagedProcess> extraInstances = new ArrayList<>();
    /** Set by {@link #stop()}, which must not wait for a start in progress (Ctrl-C while Keycloak boots). */
    private volatile boolean stopRequested;
    private final Object launchLock = new Object();

    public LocalStack(StackSettings settings, Consumer<String> out) {
        this(settings, out, Supervisor.Backoff.defaults());
    }

    LocalStack(StackSettings settings, Consumer<String> out, Supervisor.Backoff backoff) {
        this.settings = settings;
        this.out = out;
        this.database = new Database(settings, out);
        this.keycloak = new KeycloakDistribution(settings, out);
        this.supervisor = new Supervisor(backoff, out);
        supervisor.every(DATABASE_CHECK, this::checkDatabase);
    }

    public StackSettings settings() {
        return settings;
    }

    /**
     * Starts everything and returns when the gateway is ready. On any failure, stops what was started and throws a
     * {@link StackException} naming the component.
     */
    public void start() {
        start(COMPONENTS);
    }

    /**
     * Starts the selected components (in dependency order), e.g. only PostgreSQL and Keycloak for a service run in
     * Quarkus dev mode.
     */
    public synchronized void start(Collection<String> selection) {
        selection.forEach(LocalStack::requireKnown);
        List<String> wanted = COMPONENTS.stream().filter(selection::contains).toList();
        long started = System.nanoTime();
        stopRequested = false;
        try {
            requireBuilt(wanted);
            requireFreePorts(wanted);
            Path installation = wanted.contains(KEYCLOAK) ? keycloak.prepare() : null;
            if (wanted.contains(POSTGRES)) {
                database.start();
                supervise(POSTGRES);
            }
            long keycloakStarted = System.nanoTime();
            if (installation != null) {
                // Keycloak boots slowest; services need it only at their first request, so they start meanwhile.
                out.accept("starting keycloak in the background on port " + settings.ports().keycloak()
                        + " (first start about 65 s, later about 30 s; log " + log(KEYCLOAK) + ")...");
                launch(process(KEYCLOAK, installation));
            }
            for (String service : List.of(COUNTRY, MINERAL, AGREEMENT)) {
                if (wanted.contains(service)) {
                    startProcess(service);
                }
            }
            if (installation != null) {
                out.accept("waiting for keycloak...");
                process(KEYCLOAK, installation).awaitReady(keycloakStarted);
                out.accept("keycloak ready in " + Seconds.since(keycloakStarted) + " s");
                supervise(KEYCLOAK);
            }
            if (wanted.contains(GATEWAY)) {
                startProcess(GATEWAY);
            }
        } catch (RuntimeException e) {
            if (stopRequested) {
                throw new StackException("stopped during startup", e);
            }
            out.accept("!! startup failed; stopping what was started...");
            stop();
            throw e;
        }
        out.accept("ready in " + Seconds.since(started) + " s: " + String.join(", ", wanted));
    }

    /** Stops every component in reverse start order; safe to call twice. */
    @Override
    public void close() {
        stop();
        supervisor.close();
    }

    /** Stops every component in reverse start order, also while {@link #start()} is still waiting for one. */
    public void stop() {
        synchronized (launchLock) {
            stopRequested = true;
        }
        supervised.clear();
        List<ManagedProcess> extras;
        synchronized (extraInstances) {
            extras = List.copyOf(extraInstances);
            extraInstances.clear();
        }
        for (ManagedProcess extra : extras) {
            out.accept("stopping " + extra.name());
            extra.stop(STOP_GRACE);
        }
        List<String> reverse = new ArrayList<>(COMPONENTS);
        Collections.reverse(reverse);
        for (String name : reverse) {
            stopComponent(name);
        }
    }

    /** Starts one component (after {@link #stopComponent(String)}), waiting until it is ready. */
    public synchronized void startComponent(String name) {
        stopRequested = false;
        switch (name) {
            case POSTGRES -> database.start();
            case KEYCLOAK -> {
                long started = System.nanoTime();
                out.accept("starting keycloak...");
                ManagedProcess process = process(KEYCLOAK, keycloak.prepare());
                launch(process);
                process.awaitReady(started);
                out.accept("keycloak ready in " + Seconds.since(started) + " s");
            }
            default -> startProcess(name);
        }
        supervise(name);
    }

    /** Stops one component; the supervisor leaves it stopped until {@link #startComponent(String)}. */
    public void stopComponent(String name) {
        supervised.remove(requireKnown(name));
        if (POSTGRES.equals(name)) {
            if (database.isRunning() && settings.externalDatabase().isEmpty()) {
                out.accept("stopping PostgreSQL");
            }
            database.stop();
            return;
        }
        ManagedProcess process = processes.get(requireKnown(name));
        if (process != null && process.isRunning()) {
            out.accept("stopping " + name);
            process.stop(STOP_GRACE);
        }
    }

    public boolean isRunning(String name) {
        if (POSTGRES.equals(name)) {
            return database.isEmbedded() ? database.isServerAlive() : database.isRunning();
        }
        ManagedProcess process = processes.get(requireKnown(name));
        return process != null && process.isRunning();
    }

    /** Process id of a running component (for PostgreSQL, the embedded server's postmaster), or -1. */
    public long pid(String name) {
        if (POSTGRES.equals(requireKnown(name))) {
            return database.postmasterPid().orElse(-1L);
        }
        ManagedProcess process = processes.get(name);
        return process == null ? -1 : process.pid();
    }

    /** How many times the supervisor restarted this component after it died on its own. */
    public int restarts(String name) {
        return supervisor.restarts(requireKnown(name));
    }

    private void supervise(String name) {
        supervised.add(name);
        supervisor.up(name);
    }

    private boolean supervised(String name) {
        return supervised.contains(name) && !stopRequested;
    }

    /** PostgreSQL is not our child process: poll it, and bring the embedded server back when it died. */
    private void checkDatabase() {
        if (supervised(POSTGRES) && database.isEmbedded() && !database.isServerAlive()) {
            supervisor.crashed(POSTGRES, "died (its postmaster process is gone)", () -> supervised(POSTGRES), database::restart);
        }
    }

    private void crashed(String name, int exitCode) {
        if (supervised(name)) {
            supervisor.crashed(name, "exited unexpectedly (exit code " + exitCode + ")", () -> supervised(name),
                    () -> {
                        long started = System.nanoTime();
                        ManagedProcess process = processes.get(name);
                        launch(process);
                        process.awaitReady(started);
                    });
        }
    }

    /**
     * Starts one more instance of a service or of the gateway beside the running stack (a replica: another port, the
     * same database, the same JVM options and environment as the component itself), waiting until it is ready. It is
     * not supervised; {@link ExtraInstance#close()} stops it, and so does {@link #stop()}.
     *
     * @param name the component to run again ({@link #COUNTRY}, {@link #MINERAL}, {@link #AGREEMENT} or {@link #GATEWAY})
     * @param instance the new instance's name, which also names its log file in the data directory
     * @param port its HTTP port
     * @param subgraphPorts for a gateway: the subgraphs it should use instead of the stack's own, by component name
     */
    public ExtraInstance startExtraInstance(String name, String instance, int port, Map<String, Integer> subgraphPorts) {
        if (KEYCLOAK.equals(requireKnown(name)) || POSTGRES.equals(name)) {
            throw new IllegalArgumentException("only a service or the gateway can run a second instance, not " + name);
        }
        if (COMPONENTS.contains(instance)) {
            throw new IllegalArgumentException("an extra instance needs a name of its own, not " + instance);
        }
        ManagedProcess.Definition own = definition(name, null);
        Map<String, String> environment = new LinkedHashMap<>(own.environment());
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        subgraphPorts.forEach((subgraph, subgraphPort) -> {
            if (!GATEWAY.equals(name)) {
                throw new IllegalArgumentException("only a gateway has subgraph URLs to point elsewhere");
            }
            String variable = "LODESTONE_" + requireKnown(subgraph).substring(0, subgraph.indexOf('-'))
                    .toUpperCase(Locale.ROOT) + "_SUBGRAPH_URL";
            if (!environment.containsKey(variable)) {
                throw new IllegalArgumentException(subgraph + " is not a subgraph of the gateway");
            }
            environment.put(variable, "http://localhost:" + subgraphPort + "/graphql");
        });
        ManagedProcess process = new ManagedProcess(new ManagedProcess.Definition(instance, port, own.command(),
                environment, own.workingDirectory(), "http://localhost:" + port + "/q/health/ready", SERVICE_STARTUP),
                settings, out);
        long started = System.nanoTime();
        out.accept("starting " + instance + " (another " + name + ") on port " + port + "...");
        synchronized (extraInstances) {
            launch(process);
            extraInstances.add(process);
        }
        ExtraInstance extra = new ExtraInstance(process, port);
        try {
            process.awaitReady(started);
        } catch (RuntimeException e) {
            extra.close();
            throw e;
        }
        out.accept(instance + " ready in " + Seconds.since(started) + " s");
        return extra;
    }

    /** A second instance of a component, started by {@link #startExtraInstance}. */
    public final class ExtraInstance implements AutoCloseable {

        private final ManagedProcess process;
        private final int port;

        private ExtraInstance(ManagedProcess process, int port) {
            this.process = process;
            this.port = port;
        }

        public String url() {
            return "http://localhost:" + port;
        }

        public long pid() {
            return process.pid();
        }

        public Path log() {
            return process.log();
        }

        /** Stops the instance (gently, then forcibly after the grace period); safe to call twice. */
        @Override
        public void close() {
            synchronized (extraInstances) {
                extraInstances.remove(process);
            }
            if (process.isRunning()) {
                out.accept("stopping " + process.name());
            }
            process.stop(STOP_GRACE);
        }
    }

    public Path log(String name) {
        return settings.logs().resolve(requireKnown(name) + ".log");
    }

    private void startProcess(String name) {
        long started = System.nanoTime();
        out.accept("starting " + name + " on port " + port(name) + "...");
        ManagedProcess process = process(name, null);
        launch(process);
        process.awaitReady(started);
        out.accept(name + " ready in " + Seconds.since(started) + " s");
        supervise(name);
    }

    /** Launches unless a stop was requested meanwhile: no component may start after {@link #stop()} passed it. */
    private void launch(ManagedProcess process) {
        synchronized (launchLock) {
            if (stopRequested) {
                throw new StackException("stopped before " + process.name() + " started");
            }
            process.launch();
        }
    }

    private ManagedProcess process(String name, Path keycloakInstallation) {
        return processes.computeIfAbsent(name, n -> {
            ManagedProcess process = new ManagedProcess(definition(n, keycloakInstallation), settings, out);
            process.onUnexpectedExit(exitCode -> crashed(n, exitCode));
            return process;
        });
    }

    private ManagedProcess.Definition definition(String name, Path keycloakInstallation) {
        if (KEYCLOAK.equals(name)) {
            return keycloakDefinition(keycloakInstallation == null ? keycloak.prepare() : keycloakInstallation);
        }
        Map<String, String> environment = new LinkedHashMap<>(oidcEnvironment());
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port(name)));
        if (!GATEWAY.equals(name)) {
            String db = name.substring(0, name.indexOf('-'));
            environment.put("LODESTONE_DB_URL", database.jdbcUrlFor(db));
            environment.put("LODESTONE_DB_USER", database.serviceUser());
            environment.put("LODESTONE_DB_PASSWORD", database.servicePassword());
        }
        if (GATEWAY.equals(name)) {
            environment.putAll(subgraphUrls());
        }
        if (AGREEMENT.equals(name) || MINERAL.equals(name)) {
            environment.putAll(webhookEnvironment());
        }
        settings.tracesEndpoint().ifPresent(endpoint -> environment.putAll(tracingEnvironment(endpoint)));
        Path jar = quarkusJar(name);
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(serviceJvmOptions(settings.serviceHeap()));
        command.addAll(List.of("-jar", jar.toString()));
        return new ManagedProcess.Definition(name, port(name), command, environment, jar.getParent(),
                "http://localhost:" + port(name) + "/q/health/ready", SERVICE_STARTUP);
    }

    /**
     * JVM options of the services and the gateway: a small fixed heap, the serial collector and only the first JIT
     * tier (C1). The local stack lives minutes to hours on a laptop or a CI machine; measured with
     * {@code BENCH_MODE=subgraph-cpu deploy/bench/run.sh} (a few hundred requests per query), the services spent
     * less CPU per request with C1 alone than with both tiers, whose C2 compiler threads were still busy. Long-running
     * pods (the Kubernetes manifests) keep both tiers.
     */
    static List<String> serviceJvmOptions(String heap) {
        return List.of("-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    private ManagedProcess.Definition keycloakDefinition(Path installation) {
        int port = settings.ports().keycloak();
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        String script = installation.resolve(windows ? "bin/kc.bat" : "bin/kc.sh").toString();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        // local demo only: the bootstrap admin of a throw-away development Keycloak
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        List<String> command = List.of(script, "start-dev", "--http-port=" + port,
                // keep the management interface off the default 9000 when the tests move the ports
                "--http-management-port=" + (port + 820), "--import-realm");
        return new ManagedProcess.Definition(KEYCLOAK, port, command, environment, installation,
                settings.issuer() + "/.well-known/openid-configuration", KEYCLOAK_STARTUP);
    }

    private Map<String, String> oidcEnvironment() {
        return Map.of(
                "LODESTONE_OIDC_ISSUER", settings.issuer(),
                "LODESTONE_OIDC_JWKS_URL", settings.issuer() + "/protocol/openid-connect/certs",
                "LODESTONE_OIDC_AUDIENCE", "lodestone-api");
    }

    /**
     * Webhooks on the local stack: receivers on this machine (http, loopback) are allowed, and webhook secrets are
     * sealed with a key generated on the first start and kept in the data directory (so they still open after a
     * restart; deleting the directory deletes the webhooks too).
     */
    private Map<String, String> webhookEnvironment() {
        return Map.of(
                "LODESTONE_WEBHOOKS_ALLOW_LOCAL_TARGETS", "true",
                "LODESTONE_WEBHOOKS_SECRET_KEY", webhookSecretKey());
    }

    private String webhookSecretKey() {
        Path file = settings.home().resolve("webhook-secret.key");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system (Windows): the user's profile directory protects it
                }
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new StackException("cannot create or read the webhook secret key " + file, e);
        }
    }

    /** Tracing on, spans to the local OTLP/HTTP receiver, exported every half second rather than every five. */
    private static Map<String, String> tracingEnvironment(String endpoint) {
        return Map.of(
                "OTEL_SDK_DISABLED", "false",
                "OTEL_EXPORTER_OTLP_ENDPOINT", endpoint,
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "500ms");
    }

    /** The gateway's subgraph URLs (its application.properties reads these variables), following the ports. */
    private Map<String, String> subgraphUrls() {
        StackSettings.Ports ports = settings.ports();
        return Map.of(
                "LODESTONE_COUNTRY_SUBGRAPH_URL", "http://localhost:" + ports.country() + "/graphql",
                "LODESTONE_MINERAL_SUBGRAPH_URL", "http://localhost:" + ports.mineral() + "/graphql",
                "LODESTONE_AGREEMENT_SUBGRAPH_URL", "http://localhost:" + ports.agreement() + "/graphql");
    }

    private int port(String name) {
        StackSettings.Ports ports = settings.ports();
        return switch (requireKnown(name)) {
            case POSTGRES -> ports.postgres();
            case KEYCLOAK -> ports.keycloak();
            case COUNTRY -> ports.country();
            case MINERAL -> ports.mineral();
            case AGREEMENT -> ports.agreement();
            default -> ports.gateway();
        };
    }

    private Path quarkusJar(String name) {
        return settings.repository().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private void requireBuilt(List<String> wanted) {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(COUNTRY, MINERAL, AGREEMENT, GATEWAY)) {
            if (wanted.contains(name) && !Files.isRegularFile(quarkusJar(name))) {
                missing.add(name + " (" + quarkusJar(name) + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new StackException("not built yet: " + String.join(", ", missing)
                    + ". Build first from the repository root: ./mvnw -DskipTests package");
        }
    }

    /** All ports up front, so a clash is reported before anything is started. */
    private void requireFreePorts(List<String> wanted) {
        for (String name : wanted) {
            if (POSTGRES.equals(name) && settings.externalDatabase().isPresent()) {
                continue;
            }
            Ports.requireFree(port(name), name);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String requireKnown(String name) {
        if (!COMPONENTS.contains(name)) {
            throw new IllegalArgumentException("unknown component '" + name + "', one of " + COMPONENTS);
        }
        return name;
    }
}
