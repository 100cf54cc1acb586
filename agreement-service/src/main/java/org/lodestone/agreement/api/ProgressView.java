package org.lodestone.agreement.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;

public record ProgressView(
        long id,
        String commitmentId,
        Double reportedQuantity,
        Double reportedAmount,
        LocalDate asOf,
        String note,
        String reporterSubject,
        String reporterCountry,
        OffsetDateTime reportedAt) {
}
