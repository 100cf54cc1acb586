package org.lodestone.agreement.api;

import java.time.LocalDate;
import java.util.List;

import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.Visibility;
import org.lodestone.support.citation.Citation;

public record AgreementView(
        String id,
        String title,
        String type,
        List<String> parties,
        List<String> minerals,
        LocalDate signedOn,
        String signedPeriod,
        AgreementStatus status,
        Visibility visibility,
        String summary,
        String commitmentsText,
        int version,
        Citation source) {
}
