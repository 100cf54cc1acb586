package org.lodestone.mineral.api;

import java.math.BigDecimal;

/** One price point to store, from a JSON body, a CSV row or a JSON line. */
public record PriceInput(String mineral, String date, String periodType, BigDecimal price, String unitCurrency,
        String series, String basis, String source) {
}
