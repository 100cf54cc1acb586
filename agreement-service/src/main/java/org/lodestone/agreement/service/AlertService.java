package org.lodestone.agreement.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.agreement.Agreement;
import org.lodestone.agreement.OutboxEvent;
import org.lodestone.agreement.api.AlertQuery;
import org.lodestone.agreement.api.AlertView;
import org.lodestone.agreement.config.AgreementConfig;
import org.lodestone.agreement.mapping.AlertMapper;
import org.lodestone.agreement.security.Caller;
import org.lodestone.agreement.security.CurrentCaller;
import org.lodestone.agreement.security.VisibilityPolicy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Replays agreement and commitment alerts for the caller. An alert is returned only when the caller may see it by
 * the visibility it was written with and may still see its agreement now (an agreement made PARTIES later hides its
 * older alerts from non-parties too). A member who names no countries gets the alerts concerning their own country.
 */
@ApplicationScoped
public class AlertService {

    public static final int MAX_LIMIT = 1000;

    private final EntityManager em;
    private final CurrentCaller currentCaller;
    private final VisibilityPolicy visibility;
    private final Set<String> coalition;

    public AlertService(EntityManager em, CurrentCaller currentCaller, VisibilityPolicy visibility,
            AgreementConfig config) {
        this.em = em;
        this.currentCaller = currentCaller;
        this.visibility = visibility;
        this.coalition = Set.copyOf(config.coalitionMembers());
    }

    @Transactional
    public List<AlertView> replay(AlertQuery query) {
        int limit = query.limit() == null ? MAX_LIMIT : query.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be within 1.." + MAX_LIMIT);
        }
        return find(new ArrayList<>(), new HashMap<>(), query, limit);
    }

    /**
     * The alerts among the given outbox ids that the caller asked for and may see, by the same rules as
     * {@link #replay} (a subscription's filter: {@code since} and {@code limit} of the query are ignored).
     */
    @Transactional
    public List<AlertView> among(Collection<UUID> ids, AlertQuery query) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> clauses = new ArrayList<>(List.of("id in :ids"));
        Map<String, Object> params = new HashMap<>(Map.of("ids", ids));
        return find(clauses, params, new AlertQuery(null, query.kinds(), query.countries(), null), ids.size());
    }

    private List<AlertView> find(List<String> clauses, Map<String, Object> params, AlertQuery query, int limit) {
        Caller caller = currentCaller.get();
        if (query.since() != null) {
            clauses.add("occurredAt > :since");
            params.put("since", query.since());
        }
        if (query.kinds() != null && !query.kinds().isEmpty()) {
            clauses.add("kind in :kinds");
            params.put("kinds", query.kinds());
        }
        List<String> countries = query.countries() != null && !query.countries().isEmpty()
                ? query.countries().stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).distinct().toList()
                : caller.isCountryMember() ? List.of(caller.country()) : List.of();
        if (!countries.isEmpty()) {
            List<String> any = new ArrayList<>();
            for (int i = 0; i < countries.size(); i++) {
                any.add("array_contains(countries, :country" + i + ")");
                params.put("country" + i, countries.get(i));
            }
            clauses.add("(" + String.join(" or ", any) + ")");
        }
        if (!caller.isAdmin()) {
            List<String> visible = new ArrayList<>(List.of("visibility = 'PUBLIC'"));
            if (caller.isAnalyst() || (caller.isCountryMember() && coalition.contains(caller.country()))) {
                visible.add("visibility = 'COALITION'");
            }
            if (caller.isCountryMember()) {
                visible.add("array_contains(parties, :own)");
                params.put("own", caller.country());
            }
            clauses.add("(" + String.join(" or ", visible) + ")");
        }
        String where = clauses.isEmpty() ? "" : String.join(" and ", clauses) + " ";
        List<AlertView> found = OutboxEvent.<OutboxEvent>find(where + "order by occurredAt, seq", params)
                .page(0, limit).list().stream().map(AlertMapper::toView).toList();
        Set<String> agreementIds = found.stream().map(a -> a.payload().agreement()).collect(Collectors.toSet());
        Map<String, Agreement> current = agreementIds.isEmpty() ? Map.of()
                : em.createQuery("from Agreement a where a.id in :ids", Agreement.class).setParameter("ids", agreementIds)
                        .getResultStream().collect(Collectors.toMap(a -> a.id, a -> a));
        return found.stream().filter(alert -> {
            Agreement a = current.get(alert.payload().agreement());
            return a != null && visibility.canSee(caller, a.visibility, a.parties);
        }).toList();
    }
}
