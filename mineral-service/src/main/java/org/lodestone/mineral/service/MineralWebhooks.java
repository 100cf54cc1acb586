package org.lodestone.mineral.service;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import javax.sql.DataSource;

import org.lodestone.support.alert.AlertKind;
import org.lodestone.support.webhook.OutboxRecord;
import org.lodestone.support.webhook.WebhookConfig;
import org.lodestone.support.webhook.WebhookEngine;
import org.lodestone.support.webhook.WebhookTarget;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * The shared webhook engine and registration rules, wired to mineral-service's database and alerts. Export-control
 * data, and so its alerts, are readable by every authenticated caller (PUBLIC): any admin's or member's webhook may
 * receive them. An event of another visibility would reach admins' webhooks only, so nothing leaks if one is added
 * without its own rule here.
 */
@Singleton
public class MineralWebhooks extends WebhookEngine {

    /** The kinds mineral-service writes to its outbox; its webhooks may ask for these only. */
    public static final Set<AlertKind> EMITTED_KINDS = EnumSet.of(AlertKind.EXPORT_CONTROL_RECORDED,
            AlertKind.EXPORT_CONTROL_SUSPENDED, AlertKind.EXPORT_CONTROL_ENDED, AlertKind.PRICE_MOVE);

    MineralWebhooks(DataSource dataSource, WebhookConfig config, MeterRegistry registry) {
        super(dataSource, config, MineralWebhooks::mayReceive, registry, Clock.systemUTC(), "mineral-service",
                EMITTED_KINDS);
    }

    static boolean mayReceive(WebhookTarget webhook, OutboxRecord event) {
        return "PUBLIC".equals(event.visibility()) || webhook.adminRegistered();
    }
}
