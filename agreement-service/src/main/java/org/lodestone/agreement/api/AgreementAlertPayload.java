package org.lodestone.agreement.api;

import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.CommitmentStatus;

/**
 * What an agreement or commitment alert says, as stored in the outbox. Only ids and states: titles and descriptions
 * are read when the alert is delivered, through the same visibility checks as any read.
 */
public record AgreementAlertPayload(String agreement, String commitment, AgreementStatus status,
        AgreementStatus previousStatus, Integer version, CommitmentStatus commitmentStatus, Double fulfilledPct,
        String reason) {
}
