package org.lodestone.mineral.service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.Stage;

@ApplicationScoped
public class ConcentrationService {

    private final SupplyShareService shares;

    ConcentrationService(SupplyShareService shares) {
        this.shares = shares;
    }

    /** Concentration for each mineral (null where the data has none), from one query. */
    public Map<String, ConcentrationDto> concentration(Collection<String> minerals, Stage stage, Integer year,
            Dataset dataset) {
        List<SupplyShareDto> rows = shares.search(new SupplyShareFilter(minerals, stage, null, null, null));
        Map<String, ConcentrationDto> result = new LinkedHashMap<>();
        for (String mineral : minerals) {
            result.put(mineral, ConcentrationCalculator.compute(mineral, stage, year, dataset, rows).orElse(null));
        }
        return result;
    }

    /** Concentration for every year the data has, per mineral, from one query. */
    public Map<String, List<ConcentrationDto>> history(Collection<String> minerals, Stage stage, Dataset dataset) {
        List<SupplyShareDto> rows = shares.search(new SupplyShareFilter(minerals, stage, null, null, null));
        Map<String, List<ConcentrationDto>> result = new LinkedHashMap<>();
        for (String mineral : minerals) {
            result.put(mineral, ConcentrationCalculator.history(mineral, stage, dataset, rows));
        }
        return result;
    }
}
