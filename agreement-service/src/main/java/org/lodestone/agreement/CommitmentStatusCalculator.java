package org.lodestone.agreement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Derives a commitment's status from its target, its progress and the calendar.
 *
 * <p>The rule, in order:
 * <ol>
 * <li>{@code NOT_MEASURABLE} when there is no quantified target (neither a quantity nor an amount).</li>
 * <li>{@code FULFILLED} when progress &gt;= target (the latest progress report counts; no report means 0).</li>
 * <li>{@code OVERDUE} when today is after the due date and the target is not reached.</li>
 * <li>{@code ON_TRACK} when there is no due date: nothing to lag behind.</li>
 * <li>{@code AT_RISK} when the fraction of time elapsed exceeds the fraction delivered by more than the tolerance.
 * Time runs from the start (the agreement's signing date, else the day the commitment was recorded) to the due
 * date: elapsed = (today - start) / (due - start), clamped to [0, 1]; delivered = progress / target. With the
 * default tolerance of 0.20, a commitment halfway to its deadline is at risk below 30% delivered.</li>
 * <li>{@code ON_TRACK} otherwise.</li>
 * </ol>
 * {@code fulfilledPct} = progress / target * 100 (not capped, so over-delivery shows), null without a target.
 * A target of 0 counts as reached.
 */
public final class CommitmentStatusCalculator {

    /** The tolerance used unless configured: 20 percentage points of lag. */
    public static final double DEFAULT_TOLERANCE = 0.20;

    private final double tolerance;

    public CommitmentStatusCalculator(double tolerance) {
        if (tolerance < 0 || tolerance > 1) {
            throw new IllegalArgumentException("tolerance must be within [0, 1], was " + tolerance);
        }
        this.tolerance = tolerance;
    }

    public Result evaluate(Double target, Double progress, LocalDate start, LocalDate dueOn, LocalDate today) {
        if (target == null) {
            return new Result(CommitmentStatus.NOT_MEASURABLE, null);
        }
        double delivered = progress == null ? 0.0 : progress;
        Double fulfilledPct = target == 0 ? 100.0 : delivered / target * 100.0;
        if (delivered >= target) {
            return new Result(CommitmentStatus.FULFILLED, fulfilledPct);
        }
        if (dueOn == null) {
            return new Result(CommitmentStatus.ON_TRACK, fulfilledPct);
        }
        if (today.isAfter(dueOn)) {
            return new Result(CommitmentStatus.OVERDUE, fulfilledPct);
        }
        double elapsed = elapsedFraction(start, dueOn, today);
        double deliveredFraction = delivered / target;
        CommitmentStatus status = elapsed - deliveredFraction > tolerance ? CommitmentStatus.AT_RISK : CommitmentStatus.ON_TRACK;
        return new Result(status, fulfilledPct);
    }

    static double elapsedFraction(LocalDate start, LocalDate dueOn, LocalDate today) {
        if (start == null || !start.isBefore(dueOn)) {
            // no usable window: nothing has elapsed until the due date itself
            return today.isBefore(dueOn) ? 0.0 : 1.0;
        }
        long total = ChronoUnit.DAYS.between(start, dueOn);
        long done = ChronoUnit.DAYS.between(start, today);
        return Math.max(0.0, Math.min(1.0, (double) done / total));
    }

    public record Result(CommitmentStatus status, Double fulfilledPct) {
    }
}
