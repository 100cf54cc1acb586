package org.lodestone.mineral.api;

import java.util.List;

import org.lodestone.mineral.Dataset;
import org.lodestone.support.citation.Citation;

/** One country's exposure for one mineral; see {@link org.lodestone.mineral.service.ExposureCalculator} for the score. */
public record ExposureDto(String countryCode, String mineralId, Double netImportReliancePct,
        Double chinaShareOfImportsPct, Double chinaWorldRefiningSharePct, Dataset refiningDataset, Integer refiningYear,
        Citation refiningSource, Double exposureScore, String scoreBasis, List<String> missing, Integer rank) {

    public ExposureDto withRank(Integer newRank) {
        return new ExposureDto(countryCode, mineralId, netImportReliancePct, chinaShareOfImportsPct,
                chinaWorldRefiningSharePct, refiningDataset, refiningYear, refiningSource, exposureScore, scoreBasis,
                missing, newRank);
    }
}
