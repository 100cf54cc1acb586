package org.lodestone.mineral.api;

import java.math.BigDecimal;
import java.util.List;

import org.lodestone.support.citation.Citation;


/**
 * The price of one series just before and just after a date. Null parts, with reasons in {@code missing},
 * where the series has no point on that side (or the mineral no series at all).
 */
public record PriceMoveDto(String mineral, String series, String unitCurrency, String periodType,
        String beforePeriod, BigDecimal beforePrice, String afterPeriod, BigDecimal afterPrice, Double changePct,
        Citation source, List<String> missing) {
}
