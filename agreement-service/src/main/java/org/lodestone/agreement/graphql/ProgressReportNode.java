package org.lodestone.agreement.graphql;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ProgressReport")
public record ProgressReportNode(
        @Id @NonNull String id,
        Double reportedQuantity,
        Double reportedAmount,
        @NonNull LocalDate asOf,
        String note,
        CountryNode reporterCountry,
        @NonNull String reportedAt) {
}
