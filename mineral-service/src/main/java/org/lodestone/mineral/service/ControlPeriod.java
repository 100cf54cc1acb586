package org.lodestone.mineral.service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * Export-control dates as the sources state them: a day ({@code 2024-12-03}) or only a month ({@code 2025-02}).
 * A month-only date counts from the first day of that month, both as a start and as an end, so that
 * {@code activeOn} never reports a control as active before the month the source names.
 * End dates are inclusive: "valid to 2026-11-27" means still in effect on 27 November.
 */
public final class ControlPeriod {

    private ControlPeriod() {
    }

    /** Validates and returns the first day of a {@code YYYY-MM-DD} or {@code YYYY-MM} date; null for null. */
    public static LocalDate start(String date) {
        if (date == null) {
            return null;
        }
        try {
            if (date.length() == 10) {
                return LocalDate.parse(date);
            }
            if (date.length() == 7) {
                return YearMonth.parse(date).atDay(1);
            }
        } catch (DateTimeParseException e) {
            // falls through to the uniform error below
        }
        throw new IllegalArgumentException("expected YYYY-MM-DD or YYYY-MM, got '" + date + "'");
    }

    /** The exact day, or null when the source only gives a month. */
    public static LocalDate exactDay(String date) {
        return date != null && date.length() == 10 ? LocalDate.parse(date) : null;
    }

    /** Whether [effective, ends] (inclusive, open where null) covers the day. */
    public static boolean covers(String effective, String ends, LocalDate day) {
        LocalDate from = start(effective);
        LocalDate to = start(ends);
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }
}
