package org.lodestone.support.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: exponential backoff from {@code initialDelay}, doubling per attempt up to
 * {@code maxDelay}, each delay drawn uniformly from its upper half (jitter, so receivers that come back are not hit by
 * every sender at once), until {@code giveUpAfter} has passed since the delivery was created.
 */
public record RetrySchedule(Duration initialDelay, Duration maxDelay, Duration giveUpAfter) {

    /** The next attempt after {@code attemptsMade} failed attempts, or empty when the delivery is to be given up. */
    public Optional<Instant> next(int attemptsMade, Instant created, Instant now, RandomGenerator random) {
        long initial = initialDelay.toMillis();
        long cap = maxDelay.toMillis();
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), 40);
        long full = initial > cap >> doublings ? cap : Math.min(cap, initial << doublings);
        long half = full / 2;
        long delay = half + (full - half <= 0 ? 0 : random.nextLong(full - half + 1));
        Instant next = now.plusMillis(delay);
        return next.isAfter(created.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }
}
