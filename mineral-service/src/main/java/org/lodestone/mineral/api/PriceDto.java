package org.lodestone.mineral.api;

import java.math.BigDecimal;

import org.lodestone.support.citation.Citation;


/** {@code date} is {@code YYYY} or {@code YYYY-MM} as the period type requires. */
public record PriceDto(long id, String mineral, String date, String periodType, BigDecimal price, String unitCurrency,
        String series, String basis, Citation source) {
}
