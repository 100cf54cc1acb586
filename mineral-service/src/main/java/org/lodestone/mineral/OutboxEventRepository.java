package org.lodestone.mineral;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.support.alert.AlertAudience;
import org.lodestone.support.alert.AlertQuery;
import org.lodestone.support.alert.OutboxAlerts;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class OutboxEventRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /** See {@link OutboxAlerts#find}; {@code ids} null searches the whole outbox. */
    public List<OutboxEvent> alerts(Collection<UUID> ids, AlertQuery query, AlertAudience audience, int limit) {
        return OutboxAlerts.find(getEntityManager(), OutboxEvent.class, ids, query, audience, limit);
    }
}
