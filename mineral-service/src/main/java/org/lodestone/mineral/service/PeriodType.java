package org.lodestone.mineral.service;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.DateTimeException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Price period types used by the data set. Annual averages (and the two USGS "start/end of 2025" quotes
 * whose month is not stated) are dated {@code YYYY}; monthly or point prices {@code YYYY-MM}.
 */
public enum PeriodType {
    ANNUAL_AVERAGE("annual_average", false),
    MONTH_OR_POINT("month_or_point", true),
    START_OF_YEAR_2025("start_of_year_2025", false),
    END_OF_PERIOD_2025("end_of_period_2025", false);

    private final String code;
    private final boolean monthly;

    PeriodType(String code, boolean monthly) {
        this.code = code;
        this.monthly = monthly;
    }

    public String code() {
        return code;
    }

    private static final PeriodType[] ALL = values();
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** Called for every row of a bulk upload: no stream, no regular expression compiled per call. */
    public static Optional<PeriodType> fromCode(String code) {
        for (PeriodType type : ALL) {
            if (type.code.equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public String expectedFormat() {
        return monthly ? "YYYY-MM" : "YYYY";
    }

    /** First day of the period; throws IllegalArgumentException when the date does not fit this type. */
    public LocalDate periodStart(String date) {
        if (date == null) {
            throw new IllegalArgumentException("date is required (" + expectedFormat() + ")");
        }
        try {
            // year 0000 is no year of PostgreSQL's calendar (1 BC is followed by AD 1)
            if (monthly && YEAR_MONTH.matcher(date).matches() && !date.startsWith("0000")) {
                return YearMonth.of(Integer.parseInt(date, 0, 4, 10), Integer.parseInt(date, 5, 7, 10)).atDay(1);
            }
            if (!monthly && YEAR.matcher(date).matches() && !date.equals("0000")) {
                return Year.of(Integer.parseInt(date)).atDay(1);
            }
        } catch (DateTimeException e) {
            // falls through to the uniform message
        }
        throw new IllegalArgumentException("'" + date + "' is not a valid " + expectedFormat() + " date for " + code);
    }
}
