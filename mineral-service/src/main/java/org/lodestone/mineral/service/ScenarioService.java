package org.lodestone.mineral.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lodestone.mineral.Stage;
import org.lodestone.mineral.config.MineralConfig;
import org.lodestone.support.problem.FieldError;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.mineral.api.ConcentrationDto;
import org.lodestone.mineral.api.ExportControlDto;
import org.lodestone.mineral.api.ExportControlFilter;
import org.lodestone.mineral.api.ScenarioDto;
import org.lodestone.mineral.api.ScenarioImpactDto;
import org.lodestone.mineral.api.ScenarioMineralDto;
import org.lodestone.mineral.api.ScenarioStageDto;
import org.lodestone.mineral.api.SupplyShareDto;
import org.lodestone.mineral.api.SupplyShareFilter;

/**
 * "What if {@code imposingCountry} cuts these minerals to these targets?" from the stored supply shares and
 * export controls. Shares come from the dataset and year the concentration rules pick (IEA where it covers the
 * mineral and stage, else USGS; latest non-projection year); nothing is estimated where a table is missing.
 */
@ApplicationScoped
public class ScenarioService {

    private static final Set<String> AGGREGATES = Set.of("ROW", "WORLD");
    private static final Set<String> COUNTRIES = validCountries();

    private final MineralService minerals;
    private final SupplyShareService shares;
    private final ExportControlService controls;
    private final MineralConfig config;

    ScenarioService(MineralService minerals, SupplyShareService shares, ExportControlService controls,
            MineralConfig config) {
        this.minerals = minerals;
        this.shares = shares;
        this.controls = controls;
        this.config = config;
    }

    /** Read in one transaction so that shares and controls come from the same snapshot. */
    @Transactional
    public ScenarioDto scenario(String imposingCountry, List<String> mineralIds, List<String> targets,
            LocalDate activeOn, Integer year) {
        List<FieldError> errors = new ArrayList<>();
        String imposing = imposingCountry == null ? null : imposingCountry.strip().toUpperCase(Locale.ROOT);
        if (imposing == null || !COUNTRIES.contains(imposing)) {
            errors.add(FieldError.of("imposingCountry", "unknown country code '" + imposingCountry + "'"));
        }
        List<String> wanted = mineralIds == null ? List.of() : mineralIds.stream().distinct().toList();
        if (wanted.isEmpty()) {
            errors.add(FieldError.of("minerals", "at least one mineral is required"));
        }
        Set<String> known = minerals.knownIds();
        wanted.stream().filter(m -> !known.contains(m))
                .forEach(m -> errors.add(FieldError.of("minerals", "unknown mineral '" + m + "'")));
        List<String> targetCodes = targets == null ? List.of()
                : targets.stream().map(t -> t == null ? null : t.strip().toUpperCase(Locale.ROOT)).distinct().toList();
        targetCodes.stream().filter(t -> t == null || !COUNTRIES.contains(t))
                .forEach(t -> errors.add(FieldError.of("targets", "unknown country code '" + t + "'")));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate day = activeOn == null ? LocalDate.now() : activeOn;

        List<SupplyShareDto> rows = shares.search(new SupplyShareFilter(wanted, null, null, null, null));
        List<ScenarioMineralDto> perMineral = wanted.stream().map(m -> new ScenarioMineralDto(m,
                stage(imposing, m, Stage.MINING, year, rows), stage(imposing, m, Stage.REFINING, year, rows))).toList();
        Set<String> producers = new TreeSet<>();
        perMineral.forEach(m -> {
            m.mining().substitutes().forEach(s -> producers.add(s.country()));
            m.refining().substitutes().forEach(s -> producers.add(s.country()));
        });

        List<String> notes = new ArrayList<>();
        List<String> coalition = config.coalitionMembers();
        List<String> hit = hitMembers(imposing, targetCodes, coalition);
        if (targetCodes.isEmpty()) {
            notes.add("no targets given: every coalition member counts as hit");
        } else {
            targetCodes.stream().filter(t -> !coalition.contains(t))
                    .forEach(t -> notes.add(t + " is not a coalition member, so it is not listed as hit"));
        }
        List<ScenarioImpactDto> impacts = hit.stream()
                .map(member -> ScenarioImpactDto.of(member, wanted, new ArrayList<>(producers))).toList();
        return new ScenarioDto(imposing, day, targetCodes, perMineral, impacts,
                activeControls(imposing, wanted, targetCodes, day), notes);
    }

    /**
     * The scenario rule for who is hit: the coalition members among the targets, or every member when there are no
     * targets (a control on all destinations); never the imposing country itself.
     */
    public static List<String> hitMembers(String imposing, List<String> targets, List<String> coalition) {
        if (targets.isEmpty()) {
            return coalition.stream().filter(c -> !c.equals(imposing)).toList();
        }
        return targets.stream().filter(coalition::contains).filter(c -> !c.equals(imposing)).toList();
    }

    /**
     * Restrictions by the imposing country in effect on the day (suspensions and end dates honoured) that name
     * one of the minerals and, when targets are given, one of the targets or every destination.
     */
    private List<ExportControlDto> activeControls(String imposing, List<String> mineralIds, List<String> targets,
            LocalDate day) {
        Set<String> wanted = new HashSet<>(mineralIds);
        return controls.search(new ExportControlFilter(imposing, null, null, day)).stream()
                .filter(c -> c.minerals().stream().anyMatch(wanted::contains))
                .filter(c -> targets.isEmpty() || c.targetsAll() || c.targets().stream().anyMatch(targets::contains))
                .toList();
    }

    static ScenarioStageDto stage(String imposing, String mineral, Stage stage, Integer year,
            List<SupplyShareDto> rows) {
        String stageName = stage.name().toLowerCase(Locale.ROOT);
        Optional<ConcentrationDto> chosen = ConcentrationCalculator.compute(mineral, stage, year, null, rows);
        if (chosen.isEmpty()) {
            return new ScenarioStageDto(stage, null, null, null, null, null, List.of(),
                    List.of("no " + stageName + " supply-share table for " + mineral
                            + (year == null ? "" : " in " + year) + " in the data"));
        }
        ConcentrationDto c = chosen.get();
        List<SupplyShareDto> table = rows.stream()
                .filter(s -> s.mineral().equals(mineral) && s.stage() == stage && s.dataset() == c.dataset()
                        && s.year() == c.year() && s.projection() == c.projection())
                .toList();
        Optional<SupplyShareDto> own = table.stream().filter(s -> s.country().equals(imposing)).findFirst();
        List<SupplyShareDto> substitutes = table.stream()
                .filter(s -> !s.country().equals(imposing) && !AGGREGATES.contains(s.country()) && s.sharePct() > 0)
                .sorted(Comparator.comparingDouble(SupplyShareDto::sharePct).reversed()
                        .thenComparing(SupplyShareDto::country))
                .toList();
        List<String> missing = new ArrayList<>();
        if (own.isEmpty()) {
            missing.add("the " + c.dataset() + " " + c.year() + " " + stageName + " table for " + mineral
                    + " has no " + imposing + " row (it may be inside 'rest of world')");
        }
        String basis = own.map(SupplyShareDto::basis).orElseGet(() -> table.get(0).basis());
        return new ScenarioStageDto(stage, c.dataset(), c.year(), basis, own.map(SupplyShareDto::sharePct).orElse(null),
                own.map(SupplyShareDto::source).orElse(null), substitutes, List.copyOf(missing));
    }

    private static Set<String> validCountries() {
        Set<String> codes = new LinkedHashSet<>(Set.of(Locale.getISOCountries()));
        codes.add("EU");
        return Set.copyOf(codes);
    }
}
