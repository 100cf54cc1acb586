package org.lodestone.support.webhook;

import java.time.Duration;

/**
 * How the deliverer runs: the outbox table it reads and the NOTIFY channel that wakes it, the retry schedule, how
 * often it sweeps without a notification, how many deliveries one round claims, and the HTTP time bounds.
 */
public record WebhookSettings(String outboxTable, String notifyChannel, RetrySchedule retry, Duration sweepInterval,
        int batchSize, Duration connectTimeout, Duration requestTimeout, int responseExcerptChars) {
}
