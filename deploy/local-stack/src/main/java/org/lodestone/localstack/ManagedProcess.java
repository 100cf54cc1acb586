package org.lodestone.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One child process of the stack (Keycloak, a service, the gateway): started with its environment, output to a
 * log file in the data directory, waited on through an HTTP readiness URL, stopped gently then forcibly.
 */
final class ManagedProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** What to run and how to tell it is ready. */
    record Definition(String name, int port, List<String> command, Map<String, String> environment, Path workingDirectory,
            String readinessUrl, Duration startupTimeout) {
    }

    private final Definition definition;
    private final Path log;
    private final Path pidFile;
    private final Consumer<String> out;
    private volatile Process process;
    private volatile boolean stopping;
    private volatile Consumer<Integer> onUnexpectedExit = exitCode -> {
    };

    ManagedProcess(Definition definition, StackSettings settings, Consumer<String> out) {
        this.definition = definition;
        this.log = settings.logs().resolve(definition.name() + ".log");
        this.pidFile = settings.home().resolve("pids").resolve(definition.name() + ".pid");
        this.out = out;
    }

    String name() {
        return definition.name();
    }

    /** Called with the exit code when the process ends without {@link #stop(Duration)} (a crash, a kill). */
    void onUnexpectedExit(Consumer<Integer> listener) {
        this.onUnexpectedExit = listener;
    }

    Path log() {
        return log;
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Starts the process without waiting; {@link #awaitReady()} waits. */
    synchronized void launch() {
        if (isRunning()) {
            return;
        }
        Ports.requireFree(definition.port(), definition.name());
        ProcessBuilder builder = new ProcessBuilder(definition.command())
                .directory(definition.workingDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(definition.environment());
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(pidFile.getParent());
            process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
        } catch (IOException e) {
            throw new StackException(definition.name() + " could not be started (" + String.join(" ", definition.command())
                    + "): " + e.getMessage(), e);
        }
        stopping = false;
        Process launched = process;
        launched.onExit().thenAccept(exited -> {
            if (!stopping && launched == this.process) {
                out.accept("!! " + definition.name() + " exited unexpectedly (exit code " + exited.exitValue()
                        + "); log: " + log);
                onUnexpectedExit.accept(exited.exitValue());
            }
        });
    }

    /** Waits until the readiness URL answers 200, the process dies, or the startup timeout passes. */
    void awaitReady(long startedNanos) {
        Process process = this.process;
        if (process == null) {
            throw new StackException(definition.name() + " was stopped before it became ready");
        }
        long deadline = startedNanos + definition.startupTimeout().toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(definition.readinessUrl()))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StackException(definition.name() + " exited during startup (exit code " + process.exitValue()
                        + "). Last lines of " + log + ":\n" + tail(25));
            }
            try {
                HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + definition.name(), e);
            }
            sleep(500);
        }
        throw new StackException(definition.name() + " was not ready after " + definition.startupTimeout().toSeconds()
                + " s (" + definition.readinessUrl() + "). Last lines of " + log + ":\n" + tail(25));
    }

    /** SIGTERM to the process and its children, then SIGKILL after the grace period. */
    synchronized void stop(Duration grace) {
        if (process == null) {
            return;
        }
        stopping = true;
        terminate(process.toHandle(), grace);
        process = null;
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // a stale pid file is checked against the live process table by `stop`
        }
    }

    static void terminate(ProcessHandle handle, Duration grace) {
        List<ProcessHandle> children = new ArrayList<>(handle.descendants().toList());
        handle.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }
}
