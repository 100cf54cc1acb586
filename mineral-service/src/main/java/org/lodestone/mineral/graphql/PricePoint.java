package org.lodestone.mineral.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.mineral.service.PriceDto;

@Description("""
        A price as published: date is YYYY (annual) or YYYY-MM (month or point). changePct compares with the \
        previous point of the same series, unit and period type among the points returned.""")
public record PricePoint(@Id @NonNull String id, @NonNull String date, @NonNull String periodType, double price,
        @NonNull String unitCurrency, String series, String basis, @NonNull Source source, Double changePct) {

    static PricePoint from(PriceDto dto, Double changePct) {
        return new PricePoint(Long.toString(dto.id()), dto.date(), dto.periodType(), dto.price().doubleValue(),
                dto.unitCurrency(), dto.series(), dto.basis(), Source.from(dto.source()), changePct);
    }
}
