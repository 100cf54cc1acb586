package org.lodestone.agreement.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lodestone.agreement.Agreement;
import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.Visibility;

/**
 * A new agreement. {@code id} is optional (generated when absent); {@code status} defaults to DRAFT and may
 * only be one of DRAFT, NEGOTIATING, SIGNED, IN_FORCE (recording a deal that already exists); {@code source}
 * is the citation text every fact carries.
 */
public record NewAgreementCommand(
        String id,
        String title,
        @Schema(description = "One of: " + Agreement.TYPE_TERMS + " (any case).") String type,
        List<String> parties,
        List<String> minerals,
        LocalDate signedOn,
        AgreementStatus status,
        Visibility visibility,
        String summary,
        String source) {
}
