package org.lodestone.mineral.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.Stage;
import org.lodestone.mineral.api.ConcentrationDto;
import org.lodestone.mineral.api.RefiningSummaryDto;
import org.lodestone.mineral.api.SupplyShareDto;
import org.lodestone.mineral.api.SupplyShareFilter;

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

    /**
     * The unweighted mean of the minerals' top-3 refining shares in one year (default dataset per mineral, as for
     * {@link #concentration}); minerals without refining data that year are listed in {@code missing}, not counted.
     */
    public RefiningSummaryDto refiningSummary(int year, List<String> minerals) {
        Map<String, ConcentrationDto> computed = concentration(minerals, Stage.REFINING, year, null);
        List<ConcentrationDto> counted = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String mineral : minerals) {
            ConcentrationDto c = computed.get(mineral);
            if (c == null || c.top3SharePct() == null) {
                missing.add("no refining supply shares for " + mineral + " in " + year);
            } else if (c.projection()) {
                missing.add(mineral + " has only projected refining shares for " + year);
            } else {
                counted.add(c);
            }
        }
        Double average = counted.isEmpty() ? null
                : Math.round(counted.stream().mapToDouble(ConcentrationDto::top3SharePct).average().orElseThrow()
                        * 100.0) / 100.0;
        return new RefiningSummaryDto(year, average, counted, missing);
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
