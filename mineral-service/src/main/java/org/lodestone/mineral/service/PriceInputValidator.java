package org.lodestone.mineral.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lodestone.support.problem.FieldError;
import org.lodestone.mineral.api.PriceInput;

/** The rules every stored price point meets, whether it arrives alone or in a bulk batch. */
public final class PriceInputValidator {

    /** A price that passed validation, with its period already resolved. */
    public record ValidPrice(PriceInput input, PeriodType type, LocalDate periodStart) {
    }

    private PriceInputValidator() {
    }

    /** Adds every problem of the row to {@code errors}; returns the valid price only when there is none. */
    public static Optional<ValidPrice> validate(PriceInput in, Set<String> knownMinerals, Long line,
            List<FieldError> errors) {
        List<FieldError> found = new ArrayList<>();
        if (blank(in.mineral())) {
            found.add(new FieldError(line, "mineral", "is required"));
        } else if (!knownMinerals.contains(in.mineral())) {
            found.add(new FieldError(line, "mineral", "unknown mineral '" + in.mineral() + "'"));
        }
        PeriodType type = null;
        if (blank(in.periodType())) {
            found.add(new FieldError(line, "period_type", "is required"));
        } else {
            type = PeriodType.fromCode(in.periodType()).orElse(null);
            if (type == null) {
                found.add(new FieldError(line, "period_type", "unknown period type '" + in.periodType()
                        + "' (annual_average, month_or_point, start_of_year_2025, end_of_period_2025)"));
            }
        }
        LocalDate start = null;
        if (blank(in.date())) {
            found.add(new FieldError(line, "date", "is required"));
        } else if (type != null) {
            try {
                start = type.periodStart(in.date());
            } catch (IllegalArgumentException e) {
                found.add(new FieldError(line, "date", e.getMessage()));
            }
        }
        if (in.price() == null) {
            found.add(new FieldError(line, "price", "is required"));
        } else if (in.price().signum() < 0) {
            found.add(new FieldError(line, "price", "must not be negative"));
        }
        if (blank(in.unitCurrency())) {
            found.add(new FieldError(line, "unit_currency", "is required"));
        }
        if (blank(in.source())) {
            found.add(new FieldError(line, "source", "is required: every fact keeps its source"));
        }
        errors.addAll(found);
        return found.isEmpty() ? Optional.of(new ValidPrice(in, type, start)) : Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
