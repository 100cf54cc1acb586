package org.lodestone.agreement.graphql;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.lodestone.agreement.CommitmentStatus;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

@Type("Commitment")
// federation resolves the _entities union member by @Name (or the simple class name), not by @Type
@Name("Commitment")
@Key(fields = @FieldSet("id"))
public record CommitmentNode(
        @Id @NonNull String id,
        @NonNull AgreementNode agreement,
        @NonNull CountryNode obligor,
        @NonNull String kind,
        @NonNull String description,
        MineralNode mineral,
        Double targetQuantity,
        String unit,
        Double targetAmount,
        String currency,
        LocalDate dueOn,
        @Description("The words of the agreement's text this commitment was read from (seeded commitments).") String basis,
        @Description("Derived: NOT_MEASURABLE without a target; FULFILLED when progress >= target; OVERDUE past due;"
                + " AT_RISK when delivery lags elapsed time by more than the tolerance; else ON_TRACK.")
        @NonNull CommitmentStatus status,
        @Description("Latest reported cumulative quantity or amount (matching the target), null when none.") Double progressToDate,
        LocalDate progressAsOf,
        @Description("progressToDate / target * 100; null without a target.") Double fulfilledPct) {
}
