package org.lodestone.mineral.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.mineral.service.PriceMoveDto;

@Description("""
        The price of one series around an export control's effective date: the last period starting before it \
        and the first starting on or after it (same series, unit and period type); changePct = after / before - 1 \
        in per cent. An annual average whose year contains the date counts as before, although it already \
        includes the weeks after it; a price move is not proof the control caused it. Null parts come with \
        reasons in missing.""")
public record PriceMove(@NonNull Mineral mineral, String series, String unitCurrency, String periodType,
        String beforePeriod, Double beforePrice, String afterPeriod, Double afterPrice, Double changePct,
        Source source, @NonNull List<@NonNull String> missing) {

    static PriceMove from(PriceMoveDto dto, Mineral mineral) {
        return new PriceMove(mineral, dto.series(), dto.unitCurrency(), dto.periodType(), dto.beforePeriod(),
                dto.beforePrice() == null ? null : dto.beforePrice().doubleValue(), dto.afterPeriod(),
                dto.afterPrice() == null ? null : dto.afterPrice().doubleValue(), dto.changePct(),
                Source.from(dto.source()), dto.missing());
    }
}
