package org.lodestone.mineral.service;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lodestone.mineral.OutboxEvent;
import org.lodestone.mineral.OutboxEventRepository;
import org.lodestone.mineral.api.ExportControlAlertPayload;
import org.lodestone.mineral.config.MineralConfig;
import org.lodestone.support.alert.AlertAudience;
import org.lodestone.support.alert.AlertQuery;
import org.lodestone.support.alert.AlertView;
import org.lodestone.support.alert.OutboxAlerts;

/**
 * Replays export-control alerts from the outbox for one caller, by the visibility rules of {@link AlertAudience}
 * (export-control alerts are all PUBLIC today). A member who names no countries gets the alerts concerning their own
 * country; everyone else gets all.
 */
@ApplicationScoped
public class AlertService {

    private final OutboxEventRepository outbox;
    private final MineralConfig config;

    AlertService(OutboxEventRepository outbox, MineralConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** Who is asking, as the token says: a member reads as their country, a coalition one also COALITION alerts. */
    public AlertAudience audience(String country, Set<String> roles) {
        String member = roles.contains("member") ? country : null;
        return new AlertAudience(roles.contains("admin"), roles.contains("analyst"), member,
                member != null && config.coalitionMembers().contains(member));
    }

    @Transactional
    public List<AlertView<ExportControlAlertPayload>> replay(AlertQuery query, AlertAudience audience) {
        return views(outbox.alerts(null, query, audience, OutboxAlerts.limit(query)));
    }

    /**
     * The alerts among the given outbox ids that the caller asked for and may see, by the same rules as
     * {@link #replay} (a subscription's filter: {@code since} and {@code limit} of the query are ignored).
     */
    @Transactional
    public List<AlertView<ExportControlAlertPayload>> among(Collection<UUID> ids, AlertQuery query,
            AlertAudience audience) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return views(outbox.alerts(ids, AlertQuery.live(query.kinds(), query.countries()), audience, ids.size()));
    }

    private static List<AlertView<ExportControlAlertPayload>> views(List<OutboxEvent> events) {
        return events.stream().map(e -> e.toView(ExportControlAlertPayload.class)).toList();
    }
}
