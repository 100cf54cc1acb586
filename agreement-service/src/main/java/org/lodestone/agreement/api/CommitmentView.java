package org.lodestone.agreement.api;

import java.time.LocalDate;

import org.lodestone.agreement.CommitmentStatus;

/**
 * A commitment with its derived status. {@code progress} is the latest reported quantity or amount (matching the
 * target), {@code progressAsOf} its date; both null when nothing was reported.
 */
public record CommitmentView(
        String id,
        AgreementView agreement,
        String obligor,
        String kind,
        String description,
        String mineral,
        Double targetQuantity,
        String unit,
        Double targetAmount,
        String currency,
        LocalDate dueOn,
        String basis,
        CommitmentStatus status,
        Double progress,
        LocalDate progressAsOf,
        Double fulfilledPct) {
}
