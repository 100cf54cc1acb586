package org.lodestone.gateway.resilience;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The circuit breaker of one subgraph. Closed: requests go through, consecutive failures are counted. After
 * {@code failureThreshold} of them it opens: requests fail at once, without touching the network, for
 * {@code openFor}. Then it is half-open: exactly one request goes through as a probe while the others still fail
 * fast; the probe's success closes the circuit, its failure opens it again for another {@code openFor}.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final String name;
    private final int failureThreshold;
    private final long openForNanos;
    private final LongSupplier clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean probeInFlight;

    public CircuitBreaker(String name, int failureThreshold, Duration openFor, LongSupplier nanoClock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.name = name;
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
        this.clock = nanoClock;
    }

    public CircuitBreaker(String name, int failureThreshold, Duration openFor) {
        this(name, failureThreshold, openFor, System::nanoTime);
    }

    public String name() {
        return name;
    }

    /**
     * Asks to send one request. True: send it and report its outcome with {@link #success()} or {@link #failure()}.
     * False: the circuit is open (or a probe is already out), fail the request without sending it.
     */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (clock.getAsLong() - openedAt < openForNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                probeInFlight = true;
                return true;
            default:
                if (probeInFlight) {
                    return false;
                }
                probeInFlight = true;
                return true;
        }
    }

    public synchronized void success() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        probeInFlight = false;
    }

    public synchronized void failure() {
        if (state == State.HALF_OPEN) {
            open();
            return;
        }
        if (state == State.CLOSED && ++consecutiveFailures >= failureThreshold) {
            open();
        }
    }

    public synchronized State state() {
        return state;
    }

    /** How long an open circuit still refuses requests; zero when it does not. */
    public synchronized Duration remainingOpen() {
        if (state != State.OPEN) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, openForNanos - (clock.getAsLong() - openedAt)));
    }

    private void open() {
        state = State.OPEN;
        openedAt = clock.getAsLong();
        probeInFlight = false;
        consecutiveFailures = 0;
    }
}
