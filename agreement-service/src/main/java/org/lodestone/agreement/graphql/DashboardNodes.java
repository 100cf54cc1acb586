package org.lodestone.agreement.graphql;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.lodestone.agreement.CommitmentStatus;

/** Types of the commitments tracker; counts cover only commitments the caller may see. */
public final class DashboardNodes {

    private DashboardNodes() {
    }

    @Type("CommitmentsDashboard")
    public record Dashboard(
            @NonNull LocalDate asOf,
            int total,
            @NonNull List<@NonNull StatusCount> byStatus,
            @NonNull List<@NonNull GroupCount> byObligor,
            @NonNull List<@NonNull GroupCount> byAgreement,
            @NonNull List<@NonNull CommitmentNode> dueSoon) {
    }

    @Type("CommitmentStatusCount")
    public record StatusCount(@NonNull CommitmentStatus status, int count) {
    }

    @Type("CommitmentGroupCount")
    public record GroupCount(@Id @NonNull String key, int total, @NonNull List<@NonNull StatusCount> byStatus) {
    }
}
