package org.lodestone.agreement.service;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import javax.sql.DataSource;

import org.lodestone.support.alert.AlertKind;
import org.lodestone.support.webhook.WebhookConfig;
import org.lodestone.support.webhook.WebhookEngine;
import org.lodestone.support.webhook.WebhookRegistrations;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** The shared webhook engine and registration rules, wired to agreement-service's database, alerts and visibility. */
@Singleton
public class AgreementWebhooks extends WebhookEngine {

    /** The kinds agreement-service writes to its outbox; its webhooks may ask for these only. */
    public static final Set<AlertKind> EMITTED_KINDS = EnumSet.of(AlertKind.AGREEMENT_CREATED,
            AlertKind.AGREEMENT_UPDATED, AlertKind.AGREEMENT_STATUS_CHANGED, AlertKind.PROGRESS_REPORTED,
            AlertKind.COMMITMENT_AT_RISK, AlertKind.COMMITMENT_OVERDUE);

    private final WebhookRegistrations registrations;

    AgreementWebhooks(DataSource dataSource, WebhookConfig config, AgreementWebhookAudience audience,
            MeterRegistry registry, Clock clock) {
        super(dataSource, config, audience, registry, clock);
        this.registrations = new WebhookRegistrations(this, "agreement-service", EMITTED_KINDS, clock);
    }

    void start(@Observes StartupEvent event) {
        startIfEnabled();
    }

    void stop(@Observes ShutdownEvent event) {
        close();
    }

    public WebhookRegistrations registrations() {
        return registrations;
    }
}
