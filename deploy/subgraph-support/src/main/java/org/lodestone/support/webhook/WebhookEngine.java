package org.lodestone.support.webhook;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.lodestone.support.alert.AlertKind;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The webhook engine wired to one service's database, outbox ({@code outbox_event}, NOTIFY channel
 * {@code lodestone_outbox}), visibility rule, alert kinds and configuration, with the registration rules
 * ({@link #registrations()}). Each service makes one bean of a subclass; {@link WebhookEngineLifecycle} starts it
 * with the application when {@link WebhookConfig#deliveryEnabled()} and closes it on shutdown.
 */
public class WebhookEngine implements AutoCloseable {

    public static final String OUTBOX_TABLE = "outbox_event";
    public static final String NOTIFY_CHANNEL = "lodestone_outbox";

    private final WebhookStore store;
    private final Optional<SecretBox> secrets;
    private final TargetUrlPolicy urlPolicy;
    private final WebhookDeliverer deliverer;
    private final WebhookConfig config;
    private final WebhookRegistrations registrations;

    /**
     * {@code service} names the owning service in messages; {@code emittedKinds} are the kinds it writes to its
     * outbox, the only ones its webhooks may ask for.
     */
    public WebhookEngine(DataSource dataSource, WebhookConfig config, WebhookAudience audience, MeterRegistry registry,
            Clock clock, String service, Set<AlertKind> emittedKinds) {
        this.config = config;
        this.store = new WebhookStore(dataSource);
        this.secrets = config.secretKey().filter(k -> !k.isBlank()).map(SecretBox::new);
        this.urlPolicy = new TargetUrlPolicy(config.allowLocalTargets());
        WebhookSettings settings = new WebhookSettings(OUTBOX_TABLE, NOTIFY_CHANNEL,
                new RetrySchedule(config.retry().initialDelay(), config.retry().maxDelay(), config.retry().giveUpAfter()),
                config.sweepInterval(), config.batchSize(), config.connectTimeout(), config.requestTimeout(),
                config.responseExcerptChars());
        this.deliverer = new WebhookDeliverer(dataSource, settings, audience, secrets, urlPolicy, registry, clock);
        this.registrations = new WebhookRegistrations(this, service, emittedKinds, clock);
    }

    /** Who may register, see and delete this service's webhooks. */
    public WebhookRegistrations registrations() {
        return registrations;
    }

    /** Starts sending, unless this replica is configured not to (registration works either way). */
    public void startIfEnabled() {
        if (config.deliveryEnabled()) {
            deliverer.start();
        }
    }

    @Override
    public void close() {
        deliverer.close();
    }

    public WebhookStore store() {
        return store;
    }

    public Optional<SecretBox> secrets() {
        return secrets;
    }

    public TargetUrlPolicy urlPolicy() {
        return urlPolicy;
    }

    /** Looks for work now rather than at the next notification or sweep. */
    public void wake() {
        deliverer.wake();
    }
}
