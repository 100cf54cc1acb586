package org.lodestone.agreement.api;

import java.time.LocalDate;
import java.util.List;

import org.lodestone.agreement.CommitmentStatus;

/** Counts by status, per obligor and per agreement, and the commitments due soon; as of a day. */
public record CommitmentDashboard(LocalDate asOf, int total, List<StatusCount> byStatus, List<GroupCount> byObligor,
        List<GroupCount> byAgreement, List<CommitmentView> dueSoon) {

    public record StatusCount(CommitmentStatus status, int count) {
    }

    /** The commitments of one obligor or agreement ({@code key}). */
    public record GroupCount(String key, int total, List<StatusCount> byStatus) {
    }
}
