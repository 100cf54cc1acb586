package org.lodestone.mineral.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.api.ExposureDto;
import org.lodestone.support.citation.SourceNode;

@Description("""
        A country's exposure to China for one mineral. exposureScore = netImportReliancePct x S / 100 (0..100, \
        roughly the per cent of the country's consumption that arrives from China), where S is China's share of \
        the country's imports (country data) when known, else China's share of world refining (a PROXY, named in \
        scoreBasis). Null, with reasons in missing, when net import reliance is unknown: nothing is guessed. \
        It can mislead: the two figures may cover different periods and product scopes; a published bound \
        (">50") enters as the bound, making the score a bound too (said in scoreBasis); direct import shares miss Chinese material \
        routed through third countries; the refining proxy assumes imports mirror world refining. \
        rank orders coalition members by score for one mineral (1 = most exposed, ties share a rank, null \
        scores unranked and last).""")
@Name("MineralExposure")
public record MineralExposureNode(@NonNull CountryNode country, @NonNull MineralNode mineral, Double netImportReliancePct,
        Double chinaShareOfImportsPct,
        @Description("China's share of world refining of the mineral in refiningDataset and refiningYear") Double chinaWorldRefiningSharePct,
        Dataset refiningDataset, Integer refiningYear, SourceNode refiningSource, Double exposureScore,
        String scoreBasis, @NonNull List<@NonNull String> missing, Integer rank) {

    static MineralExposureNode from(ExposureDto dto, MineralNode mineral) {
        return new MineralExposureNode(CountryNode.of(dto.countryCode()), mineral, dto.netImportReliancePct(),
                dto.chinaShareOfImportsPct(), dto.chinaWorldRefiningSharePct(), dto.refiningDataset(),
                dto.refiningYear(), SourceNode.of(dto.refiningSource()), dto.exposureScore(), dto.scoreBasis(),
                dto.missing(), dto.rank());
    }
}
