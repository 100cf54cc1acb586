package org.lodestone.agreement;

/** Derived from targets, progress and dates by {@link CommitmentStatusCalculator}; never stored. */
public enum CommitmentStatus {
    ON_TRACK, AT_RISK, OVERDUE, FULFILLED, NOT_MEASURABLE
}
