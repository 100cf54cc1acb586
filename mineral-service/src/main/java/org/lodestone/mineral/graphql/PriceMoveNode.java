package org.lodestone.mineral.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.mineral.api.PriceMoveDto;
import org.lodestone.support.citation.SourceNode;

@Description("""
        The price of one series around an export control's effective date: the last period starting before it \
        and the first starting on or after it (same series, unit and period type); changePct = after / before - 1 \
        in per cent. An annual average whose year contains the date counts as before, although it already \
        includes the weeks after it; a price move is not proof the control caused it. Null parts come with \
        reasons in missing.""")
@Name("PriceMove")
public record PriceMoveNode(@NonNull MineralNode mineral, String series, String unitCurrency, String periodType,
        String beforePeriod, Double beforePrice, String afterPeriod, Double afterPrice, Double changePct,
        SourceNode source, @NonNull List<@NonNull String> missing) {

    static PriceMoveNode from(PriceMoveDto dto, MineralNode mineral) {
        return new PriceMoveNode(mineral, dto.series(), dto.unitCurrency(), dto.periodType(), dto.beforePeriod(),
                dto.beforePrice() == null ? null : dto.beforePrice().doubleValue(), dto.afterPeriod(),
                dto.afterPrice() == null ? null : dto.afterPrice().doubleValue(), dto.changePct(),
                SourceNode.of(dto.source()), dto.missing());
    }
}
