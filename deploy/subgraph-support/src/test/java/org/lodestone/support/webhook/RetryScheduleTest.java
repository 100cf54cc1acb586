package org.lodestone.support.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1),
            Duration.ofHours(24));
    private final Instant created = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void delaysDoubleWithJitterInTheirUpperHalfUpToTheCap() {
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        long[] expectedFull = { 30, 60, 120, 240, 480, 960, 1920, 3600, 3600 };
        for (int attempts = 1; attempts <= expectedFull.length; attempts++) {
            for (int draw = 0; draw < 50; draw++) {
                long delay = Duration.between(created, schedule.next(attempts, created, created, random).orElseThrow())
                        .toSeconds();
                long full = expectedFull[attempts - 1];
                assertTrue(delay >= full / 2 && delay <= full, "attempt " + attempts + ": " + delay + " s");
            }
        }
    }

    @Test
    void givesUpOnceTheNextAttemptWouldFallAfterTheWindow() {
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        Instant late = created.plus(Duration.ofHours(23).plusMinutes(59));
        assertEquals(Optional.empty(), schedule.next(30, created, late, random));
        assertTrue(schedule.next(30, created, created.plus(Duration.ofHours(22)), random).isPresent());
    }
}
