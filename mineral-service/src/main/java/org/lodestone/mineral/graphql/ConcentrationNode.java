package org.lodestone.mineral.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.Stage;
import org.lodestone.mineral.api.ConcentrationDto;

@Description("""
        Supply concentration. hhi = sum of squared percentage shares (0..10000) of named countries; \
        aggregate rows (ROW, WORLD) are excluded, so it is a lower bound when 'rest of world' is large. \
        Dataset defaults to IEA where IEA covers the mineral and stage, else USGS; year defaults to the latest \
        non-projection year; projections are never mixed with observations. hhiChange and chinaSharePctChange \
        compare with previousYear, the latest earlier year of the same dataset and kind (projection or not).""")
@Name("Concentration")
public record ConcentrationNode(@NonNull MineralNode mineral, @NonNull Stage stage, int year, @NonNull Dataset dataset,
        boolean projection, Double hhi, Double top3SharePct, CountryNode leader, Double leaderSharePct,
        Double chinaSharePct, Integer previousYear, Double hhiChange, Double chinaSharePctChange) {

    static ConcentrationNode from(MineralNode mineral, ConcentrationDto dto) {
        return dto == null ? null
                : new ConcentrationNode(mineral, dto.stage(), dto.year(), dto.dataset(), dto.projection(), dto.hhi(),
                        dto.top3SharePct(), CountryNode.of(dto.leader()), dto.leaderSharePct(), dto.chinaSharePct(),
                        dto.previousYear(), dto.hhiChange(), dto.chinaSharePctChange());
    }
}
