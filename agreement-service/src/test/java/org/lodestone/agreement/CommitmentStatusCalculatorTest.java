package org.lodestone.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CommitmentStatusCalculatorTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate DUE = LocalDate.of(2026, 12, 31);
    private static final LocalDate MIDYEAR = LocalDate.of(2026, 7, 2); // ~50% of the window elapsed

    private final CommitmentStatusCalculator calculator = new CommitmentStatusCalculator(0.20);

    @Test
    void withoutTargetNothingIsMeasurable() {
        var result = calculator.evaluate(null, 5.0, START, DUE, MIDYEAR);
        assertEquals(CommitmentStatus.NOT_MEASURABLE, result.status());
        assertNull(result.fulfilledPct());
    }

    @Test
    void reachingTheTargetFulfilsEvenAfterTheDueDate() {
        assertEquals(CommitmentStatus.FULFILLED, calculator.evaluate(100.0, 100.0, START, DUE, MIDYEAR).status());
        var late = calculator.evaluate(100.0, 120.0, START, DUE, DUE.plusDays(30));
        assertEquals(CommitmentStatus.FULFILLED, late.status());
        assertEquals(120.0, late.fulfilledPct(), 1e-9);
    }

    @Test
    void pastTheDueDateWithoutTheTargetIsOverdue() {
        var result = calculator.evaluate(100.0, 99.0, START, DUE, DUE.plusDays(1));
        assertEquals(CommitmentStatus.OVERDUE, result.status());
        assertEquals(99.0, result.fulfilledPct(), 1e-9);
        assertEquals(CommitmentStatus.OVERDUE, calculator.evaluate(100.0, null, START, DUE, DUE.plusDays(1)).status());
    }

    @Test
    void onTheDueDateItselfItIsNotYetOverdue() {
        assertEquals(CommitmentStatus.AT_RISK, calculator.evaluate(100.0, 10.0, START, DUE, DUE).status());
    }

    @Test
    void lagBeyondTheToleranceIsAtRisk() {
        // 50% of the time gone, 29% delivered: lag 21 points > 20
        assertEquals(CommitmentStatus.AT_RISK, calculator.evaluate(100.0, 29.0, START, DUE, MIDYEAR).status());
        // 50% of the time gone, 31% delivered: lag 19 points
        assertEquals(CommitmentStatus.ON_TRACK, calculator.evaluate(100.0, 31.0, START, DUE, MIDYEAR).status());
    }

    @Test
    void earlyInTheWindowLittleProgressIsStillOnTrack() {
        var result = calculator.evaluate(100.0, null, START, DUE, START.plusDays(30));
        assertEquals(CommitmentStatus.ON_TRACK, result.status());
        assertEquals(0.0, result.fulfilledPct(), 1e-9);
    }

    @Test
    void withoutDueDateAnUnfinishedTargetIsOnTrack() {
        assertEquals(CommitmentStatus.ON_TRACK, calculator.evaluate(100.0, 1.0, START, null, MIDYEAR).status());
    }

    @Test
    void aZeroTargetCountsAsReached() {
        var result = calculator.evaluate(0.0, null, START, DUE, MIDYEAR);
        assertEquals(CommitmentStatus.FULFILLED, result.status());
        assertEquals(100.0, result.fulfilledPct(), 1e-9);
    }

    @Test
    void elapsedFractionIsClampedAndToleratesMissingOrLateStart() {
        assertEquals(0.0, CommitmentStatusCalculator.elapsedFraction(START, DUE, START.minusDays(10)), 1e-9);
        assertEquals(0.5, CommitmentStatusCalculator.elapsedFraction(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 11),
                LocalDate.of(2026, 1, 6)), 1e-9);
        assertEquals(0.0, CommitmentStatusCalculator.elapsedFraction(null, DUE, MIDYEAR), 1e-9);
        assertEquals(1.0, CommitmentStatusCalculator.elapsedFraction(DUE.plusDays(5), DUE, DUE), 1e-9);
    }

    @Test
    void toleranceOutsideZeroToOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CommitmentStatusCalculator(1.5));
    }
}
