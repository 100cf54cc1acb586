package org.lodestone.agreement.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lodestone.agreement.Commitment;

/** A target is either a quantity with its unit or an amount with its currency, or neither (not measurable). */
public record NewCommitmentCommand(
        String obligor,
        @Schema(description = "One of: " + Commitment.KIND_TERMS + " (any case).") String kind,
        String description,
        String mineral,
        Double targetQuantity,
        String unit,
        Double targetAmount,
        String currency,
        LocalDate dueOn) {
}
