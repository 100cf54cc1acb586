package org.lodestone.mineral.service;

import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.Stage;

/**
 * Supply concentration of one mineral, stage, year and dataset. See {@link ConcentrationCalculator} for the rules.
 * {@code chinaSharePct} is null when the dataset has no China row (it may be hidden in "rest of world").
 */
public record ConcentrationDto(String mineral, Stage stage, int year, Dataset dataset, boolean projection, Double hhi,
        Double top3SharePct, String leader, Double leaderSharePct, Double chinaSharePct, int countriesCounted) {
}
