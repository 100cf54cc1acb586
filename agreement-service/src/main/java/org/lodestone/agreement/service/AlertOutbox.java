package org.lodestone.agreement.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.lodestone.agreement.api.CommitmentView;
import org.lodestone.agreement.api.AgreementView;
import org.lodestone.agreement.AlertKind;
import org.lodestone.agreement.OutboxEvent;
import org.lodestone.agreement.api.AgreementAlertPayload;
import org.lodestone.agreement.mapping.AlertMapper;

import jakarta.enterprise.context.ApplicationScoped;
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

    private final Clock clock;

    public AlertOutbox(Clock clock) {
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
        event.id = UUID.randomUUID();
        event.kind = kind;
        event.occurredAt = OffsetDateTime.now(clock);
        event.entityType = entityType;
        event.entityId = entityId;
        event.countries = countries;
        event.visibility = agreement.visibility().name();
        event.parties = List.copyOf(agreement.parties());
        event.payload = AlertMapper.toJson(payload);
        event.persist();
        return event;
    }
}
