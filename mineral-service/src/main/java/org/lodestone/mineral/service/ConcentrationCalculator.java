package org.lodestone.mineral.service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.Stage;
import org.lodestone.mineral.api.ConcentrationDto;
import org.lodestone.mineral.api.SupplyShareDto;

/**
 * Supply concentration from the stored shares of one mineral and stage.
 * <ul>
 * <li>Dataset: the one asked for; by default IEA when IEA has rows for the mineral and stage, else USGS.</li>
 * <li>Year: the one asked for; by default the latest year with non-projection rows in that dataset.
 * Projections ({@code projection_base_case}) are never mixed with observed/reported rows of the same year.</li>
 * <li>HHI = sum of squared percentage shares (0..10,000) over named countries only: aggregate rows
 * ({@code ROW} = rest of world, {@code WORLD}) are excluded because they are many producers, so the HHI
 * is a lower bound when "rest of world" is large.</li>
 * <li>Top-3 share, leader and leader share: over named countries. China's share: the CN row, null when absent.</li>
 * <li>Figures are rounded to two decimals (shares carry one decimal, so the HHI is exact at two).</li>
 * <li>Change: versus the latest earlier year of the same dataset and kind (observed/reported vs projection),
 * so a projection is compared with a projection, never with an observation.</li>
 * </ul>
 */
public final class ConcentrationCalculator {

    private static final Set<String> AGGREGATES = Set.of("ROW", "WORLD");

    private ConcentrationCalculator() {
    }

    public static Optional<ConcentrationDto> compute(String mineral, Stage stage, Integer year, Dataset dataset,
            List<SupplyShareDto> sharesOfMineralAndStage) {
        List<SupplyShareDto> rows = rowsOf(mineral, stage, sharesOfMineralAndStage);
        Dataset chosen = chooseDataset(dataset, rows);
        List<SupplyShareDto> inDataset = rows.stream().filter(s -> s.dataset() == chosen).toList();
        Optional<ConcentrationDto> current = computeYear(mineral, stage, year, chosen, inDataset);
        return current.map(c -> c.comparedWith(previous(c, mineral, stage, chosen, inDataset)));
    }

    /** Every year the dataset has for the mineral and stage, oldest first, each compared with the one before. */
    public static List<ConcentrationDto> history(String mineral, Stage stage, Dataset dataset,
            List<SupplyShareDto> sharesOfMineralAndStage) {
        List<SupplyShareDto> rows = rowsOf(mineral, stage, sharesOfMineralAndStage);
        Dataset chosen = chooseDataset(dataset, rows);
        List<SupplyShareDto> inDataset = rows.stream().filter(s -> s.dataset() == chosen).toList();
        return inDataset.stream().map(SupplyShareDto::year).distinct().sorted()
                .map(y -> computeYear(mineral, stage, y, chosen, inDataset)
                        .map(c -> c.comparedWith(previous(c, mineral, stage, chosen, inDataset))))
                .flatMap(Optional::stream).toList();
    }

    public static Double difference(Double now, Double before) {
        return now == null || before == null ? null : round(now - before);
    }

    private static ConcentrationDto previous(ConcentrationDto current, String mineral, Stage stage, Dataset dataset,
            List<SupplyShareDto> inDataset) {
        return inDataset.stream().filter(s -> s.projection() == current.projection() && s.year() < current.year())
                .map(SupplyShareDto::year).max(Integer::compare)
                .flatMap(y -> computeYear(mineral, stage, y, dataset, inDataset)).orElse(null);
    }

    private static List<SupplyShareDto> rowsOf(String mineral, Stage stage, List<SupplyShareDto> shares) {
        return shares.stream().filter(s -> s.mineral().equals(mineral) && s.stage() == stage).toList();
    }

    private static Dataset chooseDataset(Dataset requested, List<SupplyShareDto> rows) {
        if (requested != null) {
            return requested;
        }
        return rows.stream().anyMatch(s -> s.dataset() == Dataset.IEA) ? Dataset.IEA : Dataset.USGS;
    }

    private static Optional<ConcentrationDto> computeYear(String mineral, Stage stage, Integer year, Dataset chosen,
            List<SupplyShareDto> inDataset) {
        Integer chosenYear = year != null ? year
                : inDataset.stream().filter(s -> !s.projection()).map(SupplyShareDto::year).max(Integer::compare)
                        .orElse(null);
        if (chosenYear == null) {
            return Optional.empty();
        }
        List<SupplyShareDto> inYear = inDataset.stream().filter(s -> s.year() == chosenYear).toList();
        if (inYear.isEmpty()) {
            return Optional.empty();
        }
        boolean hasObserved = inYear.stream().anyMatch(s -> !s.projection());
        List<SupplyShareDto> used = inYear.stream().filter(s -> s.projection() != hasObserved).toList();
        List<SupplyShareDto> named = used.stream().filter(s -> !AGGREGATES.contains(s.country()))
                .sorted(Comparator.comparingDouble(SupplyShareDto::sharePct).reversed()
                        .thenComparing(SupplyShareDto::country))
                .toList();
        if (named.isEmpty()) {
            return Optional.empty();
        }
        double hhi = named.stream().mapToDouble(s -> s.sharePct() * s.sharePct()).sum();
        double top3 = named.stream().limit(3).mapToDouble(SupplyShareDto::sharePct).sum();
        SupplyShareDto leader = named.get(0);
        Double china = named.stream().filter(s -> s.country().equals("CN")).map(SupplyShareDto::sharePct).findFirst()
                .orElse(null);
        return Optional.of(new ConcentrationDto(mineral, stage, chosenYear, chosen, !hasObserved, round(hhi),
                round(top3), leader.country(), leader.sharePct(), china, named.size(), null, null, null));
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
