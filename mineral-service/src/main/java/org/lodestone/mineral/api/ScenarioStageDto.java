package org.lodestone.mineral.api;

import java.util.List;

import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.Stage;
import org.lodestone.support.citation.Citation;

/**
 * The imposing country's share of one stage of world supply of one mineral, in the dataset and year the
 * concentration rules pick, and the other named producers of that table (largest first). {@code dataset},
 * {@code year} and {@code imposingSharePct} are null, with the reason in {@code missing}, where the data lacks them.
 */
public record ScenarioStageDto(Stage stage, Dataset dataset, Integer year, String basis, Double imposingSharePct,
        Citation imposingShareSource, List<SupplyShareDto> substitutes, List<String> missing) {
}
