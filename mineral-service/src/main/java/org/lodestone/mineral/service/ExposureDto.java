package org.lodestone.mineral.service;

import java.util.List;

import org.lodestone.mineral.Dataset;

/** One country's exposure for one mineral; see {@link ExposureCalculator} for the score. */
public record ExposureDto(String countryCode, String mineralId, Double netImportReliancePct,
        Double chinaShareOfImportsPct, Double chinaWorldRefiningSharePct, Dataset refiningDataset, Integer refiningYear,
        SourceDto refiningSource, Double exposureScore, String scoreBasis, List<String> missing, Integer rank) {

    ExposureDto withRank(Integer newRank) {
        return new ExposureDto(countryCode, mineralId, netImportReliancePct, chinaShareOfImportsPct,
                chinaWorldRefiningSharePct, refiningDataset, refiningYear, refiningSource, exposureScore, scoreBasis,
                missing, newRank);
    }
}
