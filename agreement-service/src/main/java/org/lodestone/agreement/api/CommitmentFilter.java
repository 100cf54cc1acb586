package org.lodestone.agreement.api;

import java.time.LocalDate;

import org.lodestone.agreement.CommitmentStatus;

/** All fields optional; {@code dueWithinDays} keeps commitments due from today up to today + N days. */
public record CommitmentFilter(String obligor, CommitmentStatus status, LocalDate dueBefore, Integer dueWithinDays,
        String agreement) {

    public static final CommitmentFilter NONE = new CommitmentFilter(null, null, null, null, null);
}
