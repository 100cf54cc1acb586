package org.lodestone.gateway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker("agreement", 3, Duration.ofSeconds(2), now::get);

    @Test
    void opensAfterTheThresholdOfConsecutiveFailuresAndFailsFastWhileOpen() {
        fail(2);
        breaker.success();
        fail(2);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "a success in between resets the count");
        fail(1);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        advance(Duration.ofMillis(1500));
        assertFalse(breaker.tryAcquire());
        assertEquals(Duration.ofMillis(500), breaker.remainingOpen());
    }

    @Test
    void afterTheOpenPeriodOneProbeGoesThroughAndItsSuccessCloses() {
        fail(3);
        advance(Duration.ofSeconds(2));
        assertTrue(breaker.tryAcquire(), "the probe");
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(), "only one probe at a time");
        breaker.success();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aFailedProbeOpensTheCircuitForAnotherPeriod() {
        fail(3);
        advance(Duration.ofSeconds(2));
        assertTrue(breaker.tryAcquire());
        breaker.failure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        advance(Duration.ofMillis(1999));
        assertFalse(breaker.tryAcquire());
        advance(Duration.ofMillis(1));
        assertTrue(breaker.tryAcquire());
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.failure();
        }
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
