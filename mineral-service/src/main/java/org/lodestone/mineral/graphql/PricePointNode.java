package org.lodestone.mineral.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.mineral.api.PriceDto;
import org.lodestone.support.citation.SourceNode;

@Description("""
        A price as published: date is YYYY (annual) or YYYY-MM (month or point). changePct compares with the \
        previous point of the same series, unit and period type among the points returned.""")
@Name("PricePoint")
public record PricePointNode(@Id @NonNull String id, @NonNull String date, @NonNull String periodType, double price,
        @NonNull String unitCurrency, String series, String basis, @NonNull SourceNode source, Double changePct) {

    static PricePointNode from(PriceDto dto, Double changePct) {
        return new PricePointNode(Long.toString(dto.id()), dto.date(), dto.periodType(), dto.price().doubleValue(),
                dto.unitCurrency(), dto.series(), dto.basis(), SourceNode.of(dto.source()), changePct);
    }
}
