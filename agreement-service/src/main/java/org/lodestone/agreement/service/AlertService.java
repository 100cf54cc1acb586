package org.lodestone.agreement.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lodestone.agreement.Agreement;
import org.lodestone.agreement.OutboxEvent;
import org.lodestone.agreement.api.AgreementAlertPayload;
import org.lodestone.agreement.config.AgreementConfig;
import org.lodestone.agreement.security.Caller;
import org.lodestone.agreement.security.CurrentCaller;
import org.lodestone.agreement.security.VisibilityPolicy;
import org.lodestone.support.alert.AlertAudience;
import org.lodestone.support.alert.AlertQuery;
import org.lodestone.support.alert.AlertView;
import org.lodestone.support.alert.OutboxAlerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Replays agreement and commitment alerts for the caller. An alert is returned only when the caller may see it by
 * the visibility it was written with ({@link AlertAudience}) and may still see its agreement now (an agreement made
 * PARTIES later hides its older alerts from non-parties too). A member who names no countries gets the alerts
 * concerning their own country.
 */
@ApplicationScoped
public class AlertService {

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
    public List<AlertView<AgreementAlertPayload>> replay(AlertQuery query) {
        return find(null, query, OutboxAlerts.limit(query));
    }

    /**
     * The alerts among the given outbox ids that the caller asked for and may see, by the same rules as
     * {@link #replay} (a subscription's filter: {@code since} and {@code limit} of the query are ignored).
     */
    @Transactional
    public List<AlertView<AgreementAlertPayload>> among(Collection<UUID> ids, AlertQuery query) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return find(ids, AlertQuery.live(query.kinds(), query.countries()), ids.size());
    }

    private List<AlertView<AgreementAlertPayload>> find(Collection<UUID> ids, AlertQuery query, int limit) {
        Caller caller = currentCaller.get();
        String member = caller.isCountryMember() ? caller.country() : null;
        AlertAudience audience = new AlertAudience(caller.isAdmin(), caller.isAnalyst(), member,
                member != null && coalition.contains(member));
        List<AlertView<AgreementAlertPayload>> found = OutboxAlerts.find(em, OutboxEvent.class, ids, query, audience,
                limit).stream().map(e -> e.toView(AgreementAlertPayload.class)).toList();
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
