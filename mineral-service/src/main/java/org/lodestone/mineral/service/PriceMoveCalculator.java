package org.lodestone.mineral.service;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lodestone.mineral.api.PriceDto;
import org.lodestone.mineral.api.PriceMoveDto;

/**
 * Price moves around a date (an export control's effective date), per series: the last point whose period
 * starts before the date and the first whose period starts on or after it, within the same series, unit and
 * period type. An annual average whose year contains the date starts before it, so it is the "before" point
 * although it already includes the weeks after the date (a December 2024 control compares 2024 with 2025).
 * Change = after / before - 1, in per cent, two decimals.
 */
public final class PriceMoveCalculator {

    private PriceMoveCalculator() {
    }

    public static List<PriceMoveDto> moves(String mineral, LocalDate date, List<PriceDto> pointsOfMineral) {
        if (pointsOfMineral.isEmpty()) {
            return List.of(new PriceMoveDto(mineral, null, null, null, null, null, null, null, null, null,
                    List.of("no price series for " + mineral + " in the data")));
        }
        Map<String, List<PriceDto>> bySeries = new LinkedHashMap<>();
        pointsOfMineral.forEach(p -> bySeries
                .computeIfAbsent(p.series() + "|" + p.unitCurrency() + "|" + p.periodType(), k -> new ArrayList<>())
                .add(p));
        List<PriceMoveDto> moves = new ArrayList<>();
        for (List<PriceDto> series : bySeries.values()) {
            PriceDto first = series.get(0);
            if (date == null) {
                moves.add(new PriceMoveDto(mineral, first.series(), first.unitCurrency(), first.periodType(), null,
                        null, null, null, null, first.source(), List.of("the control has no effective date")));
                continue;
            }
            List<PriceDto> ordered = series.stream().sorted(Comparator.comparing(p -> periodStart(p.date()))).toList();
            PriceDto before = null;
            PriceDto after = null;
            for (PriceDto point : ordered) {
                if (periodStart(point.date()).isBefore(date)) {
                    before = point;
                } else if (after == null) {
                    after = point;
                }
            }
            List<String> missing = new ArrayList<>();
            if (before == null) {
                missing.add("no point of this series before " + date);
            }
            if (after == null) {
                missing.add("no point of this series on or after " + date);
            }
            Double change = null;
            if (before != null && after != null && before.price().signum() != 0) {
                change = Math.round((after.price().doubleValue() / before.price().doubleValue() - 1) * 10000)
                        / 100.0;
            }
            PriceDto cited = after != null ? after : before;
            moves.add(new PriceMoveDto(mineral, first.series(), first.unitCurrency(), first.periodType(),
                    before == null ? null : before.date(), before == null ? null : before.price(),
                    after == null ? null : after.date(), after == null ? null : after.price(), change,
                    cited.source(), List.copyOf(missing)));
        }
        return moves;
    }

    /** First day of a {@code YYYY} or {@code YYYY-MM} period. */
    static LocalDate periodStart(String period) {
        return period.length() == 4 ? Year.parse(period).atDay(1) : YearMonth.parse(period).atDay(1);
    }
}
