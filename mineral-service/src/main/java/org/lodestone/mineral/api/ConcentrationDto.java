package org.lodestone.mineral.api;

import org.lodestone.mineral.service.ConcentrationCalculator;

import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.Stage;

/**
 * Supply concentration of one mineral, stage, year and dataset. See {@link ConcentrationCalculator} for the rules.
 * {@code chinaSharePct} is null when the dataset has no China row (it may be hidden in "rest of world").
 * The changes compare with {@code previousYear}: the latest earlier year of the same dataset and the same kind
 * (projection or not); null when there is none.
 */
public record ConcentrationDto(String mineral, Stage stage, int year, Dataset dataset, boolean projection, Double hhi,
        Double top3SharePct, String leader, Double leaderSharePct, Double chinaSharePct, int countriesCounted,
        Integer previousYear, Double hhiChange, Double chinaSharePctChange) {

    public ConcentrationDto comparedWith(ConcentrationDto previous) {
        if (previous == null) {
            return this;
        }
        return new ConcentrationDto(mineral, stage, year, dataset, projection, hhi, top3SharePct, leader,
                leaderSharePct, chinaSharePct, countriesCounted, previous.year(),
                ConcentrationCalculator.difference(hhi, previous.hhi()),
                ConcentrationCalculator.difference(chinaSharePct, previous.chinaSharePct()));
    }
}
