package org.lodestone.mineral.graphql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.Stage;
import org.lodestone.mineral.service.ChinaRefiningShare;
import org.lodestone.mineral.service.ConcentrationDto;
import org.lodestone.mineral.service.ConcentrationService;
import org.lodestone.mineral.service.ControlPeriod;
import org.lodestone.mineral.service.DependenceFigures;
import org.lodestone.mineral.service.DuplicateKeyException;
import org.lodestone.mineral.service.ExportControlDto;
import org.lodestone.mineral.service.ExportControlFilter;
import org.lodestone.mineral.service.ExportControlService;
import org.lodestone.mineral.service.ExposureService;
import org.lodestone.mineral.service.InvalidInputException;
import org.lodestone.mineral.service.MineralDto;
import org.lodestone.mineral.service.MineralService;
import org.lodestone.mineral.service.NewExportControl;
import org.lodestone.mineral.service.PriceDto;
import org.lodestone.mineral.service.PriceMoveCalculator;
import org.lodestone.mineral.service.PriceService;
import org.lodestone.mineral.service.RefiningSummaryDto;
import org.lodestone.mineral.service.ScenarioDto;
import org.lodestone.mineral.service.ScenarioImpactDto;
import org.lodestone.mineral.service.ScenarioService;
import org.lodestone.mineral.service.SupplyShareDto;
import org.lodestone.mineral.service.SupplyShareFilter;
import org.lodestone.mineral.service.SupplyShareService;
import org.lodestone.support.BatchByArguments;
import org.lodestone.support.DatabaseOutageAware;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Requires;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;

/**
 * The mineral-service subgraph. Every list field on an entity is resolved for all parents at once: fields without
 * arguments as {@code @Source List<...>}, fields with arguments per parent through {@link BatchByArguments} (so that
 * aliases with different arguments stay apart; one statement per alias). {@code _entities} resolvers take all keys at
 * once and announce them, so a request costs a fixed number of SQL statements whatever the number of minerals or
 * countries in it.
 */
@DatabaseOutageAware
@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.7", _import = { @Import(name = "@key"),
        @Import(name = "@shareable"), @Import(name = "@external"), @Import(name = "@requires"),
        @Import(name = "@inaccessible") })
public class MineralGraphQLApi {

    /** The minerals behind IEA's "average top-3 refining share" (copper, lithium, nickel, cobalt, graphite, REE). */
    static final List<String> IEA_TOP3_MINERALS = List.of("copper", "lithium", "nickel", "cobalt", "graphite",
            "rare_earths_magnet");

    private final MineralService minerals;
    private final SupplyShareService shares;
    private final ConcentrationService concentration;
    private final PriceService prices;
    private final ExportControlService controls;
    private final ExposureService exposure;
    private final ScenarioService scenarios;
    private final SecurityIdentity identity;
    private final BatchByArguments batches;

    MineralGraphQLApi(MineralService minerals, SupplyShareService shares, ConcentrationService concentration,
            PriceService prices, ExportControlService controls, ExposureService exposure, ScenarioService scenarios,
            SecurityIdentity identity, BatchByArguments batches) {
        this.minerals = minerals;
        this.scenarios = scenarios;
        this.exposure = exposure;
        this.shares = shares;
        this.concentration = concentration;
        this.prices = prices;
        this.controls = controls;
        this.identity = identity;
        this.batches = batches;
    }

    @Query
    @Description("All minerals and mineral groups")
    public @NonNull List<@NonNull Mineral> minerals() {
        List<Mineral> all = minerals.list().stream().map(Mineral::from).toList();
        batches.announce(Mineral.class, all.stream().map(Mineral::id).toList());
        return all;
    }

    @Query
    public Mineral mineral(@NonNull @Id String id) {
        return Mineral.from(minerals.byIds(List.of(id)).get(id));
    }

    @Query
    @Description("Export controls; activeOn keeps restrictions in effect that day (suspensions and end dates honoured)")
    public @NonNull List<@NonNull ExportControl> exportControls(@Id String imposingCountry, @Id String mineral,
            LocalDate activeOn) {
        return controls.search(new ExportControlFilter(imposingCountry, mineral, null, activeOn)).stream()
                .map(ExportControl::from).toList();
    }

    @Query
    @Description("""
            What an export control by imposingCountry on these minerals would cut, for the targets given (coalition \
            members among them) or, without targets, for every coalition member; activeOn (default today) picks \
            the export controls in force. See ExportControlScenario.""")
    public @NonNull ExportControlScenario exportControlScenario(@NonNull @Id String imposingCountry,
            @NonNull List<@NonNull String> minerals, List<String> targets, LocalDate activeOn,
            @Description("Supply-share year; default the latest non-projection year of each table") Integer year) {
        ScenarioDto dto;
        try {
            dto = scenarios.scenario(imposingCountry, minerals, targets, activeOn, year);
        } catch (InvalidInputException e) {
            throw badInput(e);
        }
        Map<String, MineralDto> found = this.minerals.byIds(dto.minerals().stream().map(m -> m.mineral()).toList());
        return new ExportControlScenario(Country.of(dto.imposingCountry()), dto.activeOn(),
                dto.targets().stream().map(Country::of).toList(),
                dto.minerals().stream().map(m -> new ScenarioMineral(Mineral.from(found.get(m.mineral())),
                        ScenarioStage.from(m.mining()), ScenarioStage.from(m.refining()))).toList(),
                dto.hitMembers().stream().map(ScenarioImpact::from).toList(),
                dto.activeControls().stream().map(ExportControl::from).toList(), dto.notes());
    }

    @Query
    @Description("""
            Average top-3 refining concentration in a year (default 2024) over minerals (default copper, lithium, \
            nickel, cobalt, graphite, rare_earths_magnet: the set IEA averages). See RefiningConcentrationSummary.""")
    public @NonNull RefiningConcentrationSummary refiningConcentrationSummary(@DefaultValue("2024") Integer year,
            List<String> minerals) {
        List<String> ids = minerals == null || minerals.isEmpty() ? IEA_TOP3_MINERALS : minerals;
        RefiningSummaryDto summary = concentration.refiningSummary(year == null ? 2024 : year, ids);
        Map<String, MineralDto> found = this.minerals.byIds(ids);
        return new RefiningConcentrationSummary(summary.year(), summary.averageTop3SharePct(),
                summary.concentrations().size(),
                summary.concentrations().stream()
                        .map(c -> Concentration.from(Mineral.from(found.get(c.mineral())), c)).toList(),
                summary.missing());
    }

    @Mutation
    @Description("Record an export control (analysts and admins)")
    public @NonNull ExportControl recordExportControl(@NonNull NewExportControlInput input) {
        if (!identity.hasRole("analyst") && !identity.hasRole("admin")) {
            throw new ForbiddenException("Recording export controls needs the analyst or admin role");
        }
        NewExportControl command = new NewExportControl(input.id, input.imposingCountry, input.minerals,
                input.targets, input.targetsAll, input.measure, text(input.announcedOn), text(input.effectiveOn),
                text(input.endsOn), input.suspends, input.summary, input.source, input.statusNote);
        try {
            return ExportControl.from(controls.record(command, identity.getPrincipal().getName()));
        } catch (InvalidInputException e) {
            throw new BadUserInputException(e.errors().stream().map(f -> f.field() + ": " + f.reason())
                    .collect(Collectors.joining("; ")));
        } catch (DuplicateKeyException e) {
            throw new BadUserInputException(e.getMessage());
        }
    }

    // ---- _entities resolvers: one call (one query) for all representations of a type ----

    @Resolver
    @Blocking
    public List<Mineral> mineralEntities(List<String> id) {
        batches.announce(Mineral.class, id);
        Map<String, MineralDto> found = minerals.byIds(id);
        return id.stream().map(key -> Mineral.from(found.get(key))).toList();
    }

    @Resolver
    @Blocking
    public List<ExportControl> exportControlEntities(List<String> id) {
        Map<String, ExportControlDto> found = controls.byIds(id);
        return id.stream().map(key -> ExportControl.from(found.get(key))).toList();
    }

    /** ScenarioImpact ids spell out member, minerals and producers, so the id alone rebuilds the entity. */
    @Resolver
    @Blocking
    public List<ScenarioImpact> scenarioImpactEntities(List<String> id) {
        return id.stream().map(key -> ScenarioImpact.from(ScenarioImpactDto.parse(key).orElse(null))).toList();
    }

    /** Country is owned elsewhere; the stub only carries the key this subgraph extends. */
    @Resolver
    @Blocking
    public List<Country> countryEntities(List<String> code) {
        batches.announce(Country.class, code);
        return code.stream().map(Country::of).toList();
    }

    /**
     * Country representations that carry {@code importDependence} (the router adds it because {@code exposure}
     * requires it). SmallRye binds each representation field to the argument of the same name and, batched,
     * passes one list element per representation.
     */
    @Resolver
    @Blocking
    public List<Country> countryEntitiesWithDependence(List<String> code,
            List<List<ImportDependenceInput>> importDependence) {
        batches.announce(Country.class, code);
        List<Country> result = new ArrayList<>();
        for (int i = 0; i < code.size(); i++) {
            List<ImportDependenceInput> figures = importDependence.get(i);
            result.add(new Country(code.get(i), figures == null ? null
                    : figures.stream().filter(Objects::nonNull).map(f -> new ImportDependence(f.mineralId,
                            f.netImportReliancePct, f.netImportRelianceText, f.chinaShareOfImportsPct,
                            f.chinaShareOfImportsText)).toList()));
        }
        return result;
    }

    /** Mineral representations that carry {@code memberDependence} (required by {@code coalitionExposure}). */
    @Resolver
    @Blocking
    public List<Mineral> mineralEntitiesWithDependence(List<String> id,
            List<List<MemberDependenceInput>> memberDependence) {
        batches.announce(Mineral.class, id);
        Map<String, MineralDto> found = minerals.byIds(id);
        List<Mineral> result = new ArrayList<>();
        for (int i = 0; i < id.size(); i++) {
            List<MemberDependenceInput> figures = memberDependence.get(i);
            result.add(Mineral.from(found.get(id.get(i)), figures == null ? null
                    : figures.stream().filter(Objects::nonNull).map(f -> new MemberDependence(f.countryCode,
                            f.netImportReliancePct, f.netImportRelianceText, f.chinaShareOfImportsPct,
                            f.chinaShareOfImportsText)).toList()));
        }
        return result;
    }

    // ---- Mineral fields ----

    @Name("coalitionExposure")
    @Requires(fields = @FieldSet("memberDependence { countryCode netImportReliancePct netImportRelianceText "
            + "chinaShareOfImportsPct chinaShareOfImportsText }"))
    @Description("""
            Every coalition member's exposure to China for this mineral, most exposed first (null scores last, \
            with reasons); members without figures in country-service appear with a null score. See MineralExposure.""")
    public List<@NonNull List<@NonNull MineralExposure>> mineralCoalitionExposure(@Source List<Mineral> parents) {
        Map<String, ChinaRefiningShare> refining = exposure
                .chinaRefiningShares(parents.stream().map(Mineral::id).distinct().toList());
        List<List<MineralExposure>> result = new ArrayList<>();
        for (Mineral mineral : parents) {
            List<DependenceFigures> figures = mineral.memberDependence() == null ? List.of()
                    : mineral.memberDependence().stream().map(d -> new DependenceFigures(d.countryCode(),
                            mineral.id(), d.netImportReliancePct(), d.netImportRelianceText(),
                            d.chinaShareOfImportsPct(), d.chinaShareOfImportsText())).toList();
            result.add(exposure.coalitionExposure(mineral.id(), figures, refining.get(mineral.id())).stream()
                    .map(e -> MineralExposure.from(e, withoutExternal(mineral))).toList());
        }
        return result;
    }

    @Name("supplyShares")
    public @NonNull List<@NonNull SupplyShare> mineralSupplyShares(@Source Mineral mineral, Stage stage, Integer year,
            Dataset dataset) {
        return batches.get(Mineral.class, mineral.id(), "supplyShares", Arrays.asList(stage, year, dataset),
                ids -> shares.search(new SupplyShareFilter(ids, stage, year, dataset, null)).stream()
                        .map(SupplyShare::from).collect(Collectors.groupingBy(SupplyShare::mineralId)),
                List.of());
    }

    @Name("concentration")
    public Concentration mineralConcentration(@Source Mineral mineral, @DefaultValue("REFINING") Stage stage,
            Integer year, Dataset dataset) {
        Stage effective = stage == null ? Stage.REFINING : stage;
        return Concentration.from(mineral, batches.get(Mineral.class, mineral.id(), "concentration",
                Arrays.asList(effective, year, dataset),
                ids -> concentration.concentration(ids, effective, year, dataset), null));
    }

    @Name("concentrationHistory")
    @Description("Concentration for every year the dataset has (observed and projected, flagged), oldest first")
    public @NonNull List<@NonNull Concentration> mineralConcentrationHistory(@Source Mineral mineral,
            @DefaultValue("REFINING") Stage stage, Dataset dataset) {
        Stage effective = stage == null ? Stage.REFINING : stage;
        return batches.get(Mineral.class, mineral.id(), "concentrationHistory", Arrays.asList(effective, dataset),
                ids -> concentration.history(ids, effective, dataset), List.<ConcentrationDto>of()).stream()
                .map(c -> Concentration.from(mineral, c)).toList();
    }

    @Name("prices")
    @Description("Price points whose period starts within [from, to] (YYYY or YYYY-MM)")
    public @NonNull List<@NonNull PricePoint> mineralPrices(@Source Mineral mineral, String from, String to) {
        return batches.get(Mineral.class, mineral.id(), "prices", Arrays.asList(from, to), ids -> {
            try {
                return prices.search(ids, from, to, null).stream().collect(Collectors.groupingBy(PriceDto::mineral,
                        Collectors.collectingAndThen(Collectors.toList(), MineralGraphQLApi::withChanges)));
            } catch (InvalidInputException e) {
                throw badInput(e);
            }
        }, List.of());
    }

    @Name("exportControls")
    public List<@NonNull List<@NonNull ExportControl>> mineralExportControls(@Source List<Mineral> parents) {
        Map<String, List<ExportControlDto>> byMineral = controls.byMinerals(parents.stream().map(Mineral::id).toList());
        return parents.stream().map(m -> byMineral.getOrDefault(m.id(), List.of()).stream().map(ExportControl::from)
                .toList()).toList();
    }

    // ---- Country fields contributed here ----

    @Name("supplyShares")
    public @NonNull List<@NonNull SupplyShare> countrySupplyShares(@Source Country country, Stage stage, Integer year,
            Dataset dataset) {
        return batches.get(Country.class, country.code(), "supplyShares", Arrays.asList(stage, year, dataset),
                codes -> shares.search(new SupplyShareFilter(null, stage, year, dataset, codes)).stream()
                        .map(SupplyShare::from).collect(Collectors.groupingBy(s -> s.country().code())),
                List.of());
    }

    @Name("exposure")
    @Requires(fields = @FieldSet("importDependence { mineralId netImportReliancePct netImportRelianceText "
            + "chinaShareOfImportsPct chinaShareOfImportsText }"))
    @Description("""
            This country's exposure to China for each mineral country-service has import dependence figures for, \
            in the order country-service lists them. See MineralExposure for the score and its limits.""")
    public List<List<@NonNull MineralExposure>> countryExposure(@Source List<Country> parents) {
        List<List<DependenceFigures>> figures = parents.stream().map(c -> c.importDependence() == null
                ? List.<DependenceFigures>of()
                : c.importDependence().stream().map(d -> new DependenceFigures(c.code(), d.mineralId(),
                        d.netImportReliancePct(), d.netImportRelianceText(), d.chinaShareOfImportsPct(),
                        d.chinaShareOfImportsText())).toList()).toList();
        Set<String> mineralIds = figures.stream().flatMap(List::stream).map(DependenceFigures::mineralId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        // One query for the minerals and one for China's refining shares, whatever the number of countries.
        Map<String, MineralDto> found = minerals.byIds(mineralIds);
        Map<String, ChinaRefiningShare> refining = exposure.chinaRefiningShares(mineralIds);
        return figures.stream().map(list -> exposure.exposures(list.stream()
                .filter(f -> found.containsKey(f.mineralId())).toList(), refining).stream()
                .map(e -> MineralExposure.from(e, Mineral.from(found.get(e.mineralId())))).toList()).toList();
    }

    // ---- SupplyShare and ExportControl references ----

    @Name("mineral")
    public List<@NonNull Mineral> supplyShareMineral(@Source List<SupplyShare> parents) {
        Map<String, MineralDto> found = minerals.byIds(new LinkedHashSet<>(
                parents.stream().map(SupplyShare::mineralId).toList()));
        batches.announce(Mineral.class, found.keySet());
        return parents.stream().map(s -> Mineral.from(found.get(s.mineralId()))).toList();
    }

    @Name("minerals")
    public List<@NonNull List<@NonNull Mineral>> exportControlMinerals(@Source List<ExportControl> parents) {
        Set<String> ids = parents.stream().flatMap(c -> c.mineralIds().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, MineralDto> found = minerals.byIds(ids);
        batches.announce(Mineral.class, found.keySet());
        return parents.stream().map(c -> c.mineralIds().stream().map(found::get).filter(Objects::nonNull)
                .map(Mineral::from).toList()).toList();
    }

    @Name("suspends")
    @Description("For a suspension: the control it suspends")
    public List<ExportControl> exportControlSuspends(@Source List<ExportControl> parents) {
        Set<String> ids = parents.stream().map(ExportControl::suspendsId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, ExportControlDto> found = ids.isEmpty() ? Map.of() : controls.byIds(ids);
        List<ExportControl> result = new ArrayList<>();
        for (ExportControl parent : parents) {
            result.add(parent.suspendsId() == null ? null : ExportControl.from(found.get(parent.suspendsId())));
        }
        return result;
    }

    @Name("priceMoves")
    @Description("""
            For each mineral of the control, each price series' last period before the effective date and first \
            period on or after it, with the change. See PriceMove.""")
    public List<@NonNull List<@NonNull PriceMove>> exportControlPriceMoves(@Source List<ExportControl> parents) {
        Set<String> ids = parents.stream().flatMap(c -> c.mineralIds().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        // One query for the minerals and one for all their prices, whatever the number of controls.
        Map<String, MineralDto> found = minerals.byIds(ids);
        Map<String, List<PriceDto>> byMineral = ids.isEmpty() ? Map.of()
                : prices.search(ids, null, null, null).stream().collect(Collectors.groupingBy(PriceDto::mineral));
        return parents.stream().map(control -> {
            LocalDate effective = control.effectiveDate() == null ? null : ControlPeriod.start(control.effectiveDate());
            return control.mineralIds().stream().filter(found::containsKey)
                    .flatMap(m -> PriceMoveCalculator.moves(m, effective, byMineral.getOrDefault(m, List.of()))
                            .stream().map(move -> PriceMove.from(move, Mineral.from(found.get(m)))))
                    .toList();
        }).toList();
    }

    private static BadUserInputException badInput(InvalidInputException e) {
        return new BadUserInputException(e.errors().stream().map(f -> f.field() + ": " + f.reason())
                .collect(Collectors.joining("; ")));
    }

    /** Change versus the previous point of the same series, unit and period type, in period order. */
    private static List<PricePoint> withChanges(List<PriceDto> points) {
        Map<String, PriceDto> previous = new HashMap<>();
        List<PricePoint> result = new ArrayList<>();
        for (PriceDto point : points) {
            String series = point.series() + "|" + point.unitCurrency() + "|" + point.periodType();
            PriceDto before = previous.put(series, point);
            Double change = null;
            if (before != null && before.price().signum() != 0) {
                change = Math.round((point.price().doubleValue() / before.price().doubleValue() - 1) * 10000) / 100.0;
            }
            result.add(PricePoint.from(point, change));
        }
        return result;
    }

    private static Mineral withoutExternal(Mineral mineral) {
        return new Mineral(mineral.id(), mineral.name(), mineral.symbol(), mineral.unit(), mineral.uses(),
                mineral.usesSource(), null);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
