package org.lodestone.support.webhook;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lodestone.webhooks")
public interface WebhookConfig {

    /** Whether this replica sends deliveries (registration works either way). */
    @WithDefault("true")
    boolean deliveryEnabled();

    /**
     * Allows {@code http} and loopback targets: for the local stack and tests only. Off (the default), targets must
     * be {@code https} and resolve to public addresses.
     */
    @WithDefault("false")
    boolean allowLocalTargets();

    /**
     * The AES-256 key (32 bytes, base64) that seals webhook secrets in the database. Without it webhooks cannot be
     * registered (nor sent).
     */
    Optional<String> secretKey();

    Retry retry();

    /** How often the deliverer looks for work without a NOTIFY (after a lost notification or a restart). */
    @WithDefault("30s")
    Duration sweepInterval();

    /** Deliveries one round claims and sends in parallel. */
    @WithDefault("20")
    int batchSize();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Bound on one attempt, from sending the request to the response's first bytes. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Characters of the receiver's response body kept per attempt. */
    @WithDefault("200")
    int responseExcerptChars();

    interface Retry {
        @WithDefault("30s")
        Duration initialDelay();

        @WithDefault("1h")
        Duration maxDelay();

        /** After this long since the event, a delivery that has not succeeded is FAILED. */
        @WithDefault("24h")
        Duration giveUpAfter();
    }
}
