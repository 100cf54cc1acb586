package org.lodestone.localstack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Keeps the stack's components running: a component that dies on its own (not stopped by the launcher) is started
 * again after a growing pause (exponential backoff, capped), and every crash and restart is reported. The rest of the
 * stack keeps running meanwhile. PostgreSQL, which is not a child process of ours, is watched by polling.
 */
final class Supervisor implements AutoCloseable {

    /**
     * Pauses before restart attempts: {@code initial}, doubled per consecutive failure, at most {@code max}. A
     * component that stayed up for {@code stable} starts again at {@code initial} when it crashes next.
     */
    record Backoff(Duration initial, Duration max, Duration stable) {

        static Backoff defaults() {
            return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
        }

        Duration delay(int attempt) {
            long millis = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
            return Duration.ofMillis(Math.min(millis, max.toMillis()));
        }
    }

    /** What the supervisor does to bring a component back; throws when it did not come up. */
    interface Restart {
        void run();
    }

    private final Backoff backoff;
    private final Consumer<String> out;
    /** Two threads: a restart waiting for readiness must not hold up the PostgreSQL check or another restart. */
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "local-stack-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> restarts = new ConcurrentHashMap<>();
    private final Map<String, Long> upSince = new ConcurrentHashMap<>();
    /** Components with a restart scheduled or running, so a second crash report does not double it. */
    private final Map<String, Boolean> pending = new ConcurrentHashMap<>();

    Supervisor(Backoff backoff, Consumer<String> out) {
        this.backoff = backoff;
        this.out = out;
    }

    /** The component is up (started or restarted): its crash-free time counts from now. */
    void up(String name) {
        upSince.put(name, System.nanoTime());
    }

    /** The component went down unexpectedly: restart it after the backoff pause, unless {@code wanted} says no. */
    void crashed(String name, String how, BooleanSupplier wanted, Restart restart) {
        if (pending.putIfAbsent(name, Boolean.TRUE) != null) {
            return;
        }
        Long since = upSince.remove(name);
        AtomicInteger attempt = attempts.computeIfAbsent(name, n -> new AtomicInteger());
        if (since != null && System.nanoTime() - since >= backoff.stable().toNanos()) {
            attempt.set(0);
        }
        schedule(name, how, wanted, restart, attempt.incrementAndGet());
    }

    /** How many times the supervisor brought this component back. */
    int restarts(String name) {
        AtomicInteger count = restarts.get(name);
        return count == null ? 0 : count.get();
    }

    /** Runs {@code check} every {@code period} on the supervisor thread (used to watch PostgreSQL). */
    void every(Duration period, Runnable check) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                check.run();
            } catch (RuntimeException e) {
                out.accept("!! supervisor check failed: " + e.getMessage());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void schedule(String name, String how, BooleanSupplier wanted, Restart restart, int attempt) {
        Duration delay = backoff.delay(attempt);
        out.accept("!! " + name + " " + how + "; restarting it in " + delay.toMillis() / 1000.0 + " s (attempt "
                + attempt + "), the rest of the stack keeps running");
        scheduler.schedule(() -> {
            if (!wanted.getAsBoolean()) {
                pending.remove(name);
                return;
            }
            long started = System.nanoTime();
            try {
                restart.run();
                restarts.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                up(name);
                pending.remove(name);
                out.accept(name + " restarted and ready in " + Seconds.since(started) + " s (attempt " + attempt + ")");
            } catch (RuntimeException e) {
                if (!wanted.getAsBoolean()) {
                    pending.remove(name);
                    return;
                }
                attempts.get(name).set(attempt + 1);
                schedule(name, "did not come back (" + firstLine(e.getMessage()) + ")", wanted, restart, attempt + 1);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
