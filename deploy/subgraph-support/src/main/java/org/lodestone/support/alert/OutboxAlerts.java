package org.lodestone.support.alert;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;

import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.support.query.FilteredQuery;

import io.quarkus.panache.common.Sort;

/**
 * Reads alerts from a service's outbox table: those a query asks for that its audience may see by the visibility
 * they were written with, oldest first. A service adds only its own rules (which payload it stores, and any check
 * against its current data).
 */
public final class OutboxAlerts {

    public static final int MAX_LIMIT = 1000;

    private OutboxAlerts() {
    }

    /** The query's limit, {@link #MAX_LIMIT} when it names none; outside 1..MAX_LIMIT is bad input. */
    public static int limit(AlertQuery query) {
        int limit = query.limit() == null ? MAX_LIMIT : query.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be within 1.." + MAX_LIMIT);
        }
        return limit;
    }

    /**
     * At most {@code limit} events of the given outbox entity, ordered by occurrence; {@code ids}, when not null,
     * restricts the search to those events (a subscription's batch).
     */
    public static <E extends OutboxEventBase> List<E> find(EntityManager em, Class<E> type, Collection<UUID> ids,
            AlertQuery query, AlertAudience audience, int limit) {
        FilteredQuery<E> events = FilteredQuery.of(em, type).in("kind", query.kinds());
        if (ids != null) {
            events.where((q, event) -> event.get("id").in(ids));
        }
        if (query.since() != null) {
            events.where((q, event) -> q.builder().greaterThan(event.<OffsetDateTime>get("occurredAt"), query.since()));
        }
        List<String> concerning = audience.countries(query.countries());
        if (!concerning.isEmpty()) {
            events.where((q, event) -> q.builder().or(
                    concerning.stream().map(c -> q.holds("countries", c)).toArray(Predicate[]::new)));
        }
        if (!audience.admin()) {
            events.where((q, event) -> {
                List<Predicate> visible = new ArrayList<>(List.of(q.builder().equal(event.get("visibility"), "PUBLIC")));
                if (audience.analyst() || (audience.memberCountry() != null && audience.coalitionMember())) {
                    visible.add(q.builder().equal(event.get("visibility"), "COALITION"));
                }
                if (audience.memberCountry() != null) {
                    visible.add(q.holds("parties", audience.memberCountry()));
                }
                return q.builder().or(visible.toArray(Predicate[]::new));
            });
        }
        return events.list(Sort.by("occurredAt").and("seq"), limit);
    }
}
