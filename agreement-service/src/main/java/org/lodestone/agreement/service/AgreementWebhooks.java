package org.lodestone.agreement.service;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import javax.sql.DataSource;

import org.lodestone.support.alert.AlertKind;
import org.lodestone.support.webhook.WebhookConfig;
import org.lodestone.support.webhook.WebhookEngine;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/** The shared webhook engine and registration rules, wired to agreement-service's database, alerts and visibility. */
@Singleton
public class AgreementWebhooks extends WebhookEngine {

    /** The kinds agreement-service writes to its outbox; its webhooks may ask for these only. */
    public static final Set<AlertKind> EMITTED_KINDS = EnumSet.of(AlertKind.AGREEMENT_CREATED,
            AlertKind.AGREEMENT_UPDATED, AlertKind.AGREEMENT_STATUS_CHANGED, AlertKind.PROGRESS_REPORTED,
            AlertKind.COMMITMENT_AT_RISK, AlertKind.COMMITMENT_OVERDUE);

    AgreementWebhooks(DataSource dataSource, WebhookConfig config, AgreementWebhookAudience audience,
            MeterRegistry registry, Clock clock) {
        super(dataSource, config, audience, registry, clock, "agreement-service", EMITTED_KINDS);
    }
}
