package org.lodestone.agreement.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.lodestone.agreement.api.CommitmentView;
import org.lodestone.agreement.api.AgreementView;
import org.lodestone.agreement.OutboxEvent;
import org.lodestone.agreement.api.AgreementAlertPayload;
import org.lodestone.support.alert.AlertKind;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Writes alerts into the outbox inside the caller's transaction ({@code MANDATORY}): the alert commits with the
 * change or not at all. An alert carries the visibility and parties of its agreement as they are after the change,
 * so it reaches exactly the callers who may read that agreement.
 */
@ApplicationScoped
public class AlertOutbox {

    public static final String AGREEMENT = "Agreement";
    public static final String COMMITMENT = "Commitment";

    private final EntityManager em;
    private final Clock clock;

    public AlertOutbox(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent agreementChanged(AlertKind kind, AgreementView before, AgreementView after, String reason) {
        return write(kind, AGREEMENT, after.id(), after, after.parties(),
                new AgreementAlertPayload(after.id(), null, after.status(), before == null ? null : before.status(),
                        after.version(), null, null, reason));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent commitmentChanged(AlertKind kind, CommitmentView commitment) {
        Set<String> countries = new LinkedHashSet<>(commitment.agreement().parties());
        countries.add(commitment.obligor());
        return write(kind, COMMITMENT, commitment.id(), commitment.agreement(), List.copyOf(countries),
                new AgreementAlertPayload(commitment.agreement().id(), commitment.id(), commitment.agreement().status(),
                        null, commitment.agreement().version(), commitment.status(), commitment.fulfilledPct(), null));
    }

    private OutboxEvent write(AlertKind kind, String entityType, String entityId, AgreementView agreement,
            List<String> countries, AgreementAlertPayload payload) {
        OutboxEvent event = new OutboxEvent();
        event.describe(kind, OffsetDateTime.now(clock), entityType, entityId, countries, agreement.visibility().name(),
                agreement.parties(), payload);
        em.persist(event);
        return event;
    }
}
