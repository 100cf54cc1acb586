package org.lodestone.mineral.api;

import java.util.List;

/** See {@link ConcentrationService#refiningSummary}. */
public record RefiningSummaryDto(int year, Double averageTop3SharePct, List<ConcentrationDto> concentrations,
        List<String> missing) {
}
