package org.lodestone.agreement.api;

import java.time.LocalDate;

/** A target is either a quantity with its unit or an amount with its currency, or neither (not measurable). */
public record NewCommitmentCommand(
        String obligor,
        String kind,
        String description,
        String mineral,
        Double targetQuantity,
        String unit,
        Double targetAmount,
        String currency,
        LocalDate dueOn) {
}
