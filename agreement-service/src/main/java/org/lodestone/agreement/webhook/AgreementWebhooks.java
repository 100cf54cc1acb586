package org.lodestone.agreement.webhook;

import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import org.lodestone.support.webhook.RetrySchedule;
import org.lodestone.support.webhook.SecretBox;
import org.lodestone.support.webhook.TargetUrlPolicy;
import org.lodestone.support.webhook.WebhookDeliverer;
import org.lodestone.support.webhook.WebhookSettings;
import org.lodestone.support.webhook.WebhookStore;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The webhook engine wired to agreement-service's database, outbox, visibility rule and configuration. */
@ApplicationScoped
public class AgreementWebhooks {

    public static final String OUTBOX_TABLE = "outbox_event";
    public static final String NOTIFY_CHANNEL = "lodestone_outbox";

    private final WebhookStore store;
    private final Optional<SecretBox> secrets;
    private final TargetUrlPolicy urlPolicy;
    private final WebhookDeliverer deliverer;
    private final WebhookConfig config;

    public AgreementWebhooks(DataSource dataSource, WebhookConfig config, AgreementWebhookAudience audience,
            MeterRegistry registry, Clock clock) {
        this.config = config;
        this.store = new WebhookStore(dataSource);
        this.secrets = config.secretKey().filter(k -> !k.isBlank()).map(SecretBox::new);
        this.urlPolicy = new TargetUrlPolicy(config.allowLocalTargets());
        WebhookSettings settings = new WebhookSettings(OUTBOX_TABLE, NOTIFY_CHANNEL,
                new RetrySchedule(config.retry().initialDelay(), config.retry().maxDelay(), config.retry().giveUpAfter()),
                config.sweepInterval(), config.batchSize(), config.connectTimeout(), config.requestTimeout(),
                config.responseExcerptChars());
        this.deliverer = new WebhookDeliverer(dataSource, settings, audience, secrets, urlPolicy, registry, clock);
    }

    void start(@Observes StartupEvent event) {
        if (config.deliveryEnabled()) {
            deliverer.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
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
