package org.lodestone.mineral.graphql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.lodestone.mineral.service.ConcentrationService;
import org.lodestone.support.problem.ConflictException;
import org.lodestone.mineral.api.ExportControlDto;
import org.lodestone.mineral.api.ExportControlFilter;
import org.lodestone.mineral.service.ExportControlService;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.mineral.api.MineralDto;
import org.lodestone.mineral.service.MineralService;
import org.lodestone.mineral.api.NewExportControl;
import org.lodestone.mineral.api.RefiningSummaryDto;
import org.lodestone.mineral.api.ScenarioDto;
import org.lodestone.mineral.api.ScenarioImpactDto;
import org.lodestone.mineral.service.ScenarioService;
import org.lodestone.support.BatchByArguments;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import org.lodestone.support.problem.ForbiddenException;

/**
 * The mineral-service subgraph: its root queries, the mutation and the {@code _entities} resolvers; the fields of
 * each type live in {@link MineralFields}, {@link CountryFields} and {@link ExportControlFields}. Every list field on
 * an entity is resolved for all parents at once, and {@code _entities} resolvers take all keys at once and announce
 * them to {@link BatchByArguments}, so a request costs a fixed number of SQL statements whatever the number of
 * minerals or countries in it.
 */
@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.7", _import = { @Import(name = "@key"),
        @Import(name = "@shareable"), @Import(name = "@external"), @Import(name = "@requires"),
        @Import(name = "@inaccessible") })
public class MineralGraphQLApi {

    /** The minerals behind IEA's "average top-3 refining share" (copper, lithium, nickel, cobalt, graphite, REE). */
    static final List<String> IEA_TOP3_MINERALS = List.of("copper", "lithium", "nickel", "cobalt", "graphite",
            "rare_earths_magnet");

    private final MineralService minerals;
    private final ConcentrationService concentration;
    private final ExportControlService controls;
    private final ScenarioService scenarios;
    private final SecurityIdentity identity;
    private final BatchByArguments batches;

    MineralGraphQLApi(MineralService minerals, ConcentrationService concentration, ExportControlService controls,
            ScenarioService scenarios, SecurityIdentity identity, BatchByArguments batches) {
        this.minerals = minerals;
        this.concentration = concentration;
        this.controls = controls;
        this.scenarios = scenarios;
        this.identity = identity;
        this.batches = batches;
    }

    @Query
    @Description("All minerals and mineral groups")
    public @NonNull List<@NonNull MineralNode> minerals() {
        List<MineralNode> all = minerals.list().stream().map(MineralNode::from).toList();
        batches.announce(MineralNode.class, all.stream().map(MineralNode::id).toList());
        return all;
    }

    @Query
    public MineralNode mineral(@NonNull @Id String id) {
        return MineralNode.from(minerals.byIds(List.of(id)).get(id));
    }

    @Query
    @Description("Export controls; activeOn keeps restrictions in effect that day (suspensions and end dates honoured)")
    public @NonNull List<@NonNull ExportControlNode> exportControls(@Id String imposingCountry, @Id String mineral,
            LocalDate activeOn) {
        return controls.search(new ExportControlFilter(imposingCountry, mineral, null, activeOn)).stream()
                .map(ExportControlNode::from).toList();
    }

    @Query
    @Description("""
            What an export control by imposingCountry on these minerals would cut, for the targets given (coalition \
            members among them) or, without targets, for every coalition member; activeOn (default today) picks \
            the export controls in force. See ExportControlScenario.""")
    public @NonNull ExportControlScenarioNode exportControlScenario(@NonNull @Id String imposingCountry,
            @NonNull List<@NonNull String> minerals, List<String> targets, LocalDate activeOn,
            @Description("Supply-share year; default the latest non-projection year of each table") Integer year) {
        ScenarioDto dto = scenarios.scenario(imposingCountry, minerals, targets, activeOn, year);
        Map<String, MineralDto> found = this.minerals.byIds(dto.minerals().stream().map(m -> m.mineral()).toList());
        return new ExportControlScenarioNode(CountryNode.of(dto.imposingCountry()), dto.activeOn(),
                dto.targets().stream().map(CountryNode::of).toList(),
                dto.minerals().stream().map(m -> new ScenarioMineralNode(MineralNode.from(found.get(m.mineral())),
                        ScenarioStageNode.from(m.mining()), ScenarioStageNode.from(m.refining()))).toList(),
                dto.hitMembers().stream().map(ScenarioImpactNode::from).toList(),
                dto.activeControls().stream().map(ExportControlNode::from).toList(), dto.notes());
    }

    @Query
    @Description("""
            Average top-3 refining concentration in a year (default 2024) over minerals (default copper, lithium, \
            nickel, cobalt, graphite, rare_earths_magnet: the set IEA averages). See RefiningConcentrationSummary.""")
    public @NonNull RefiningConcentrationSummaryNode refiningConcentrationSummary(@DefaultValue("2024") Integer year,
            List<String> minerals) {
        List<String> ids = minerals == null || minerals.isEmpty() ? IEA_TOP3_MINERALS : minerals;
        RefiningSummaryDto summary = concentration.refiningSummary(year == null ? 2024 : year, ids);
        Map<String, MineralDto> found = this.minerals.byIds(ids);
        return new RefiningConcentrationSummaryNode(summary.year(), summary.averageTop3SharePct(),
                summary.concentrations().size(),
                summary.concentrations().stream()
                        .map(c -> ConcentrationNode.from(MineralNode.from(found.get(c.mineral())), c)).toList(),
                summary.missing());
    }

    @Mutation
    @Description("Record an export control (analysts and admins)")
    public @NonNull ExportControlNode recordExportControl(@NonNull NewExportControlInput input) {
        if (!identity.hasRole("analyst") && !identity.hasRole("admin")) {
            throw new ForbiddenException("Recording export controls needs the analyst or admin role");
        }
        NewExportControl command = new NewExportControl(input.id, input.imposingCountry, input.minerals,
                input.targets, input.targetsAll, input.measure, text(input.announcedOn), text(input.effectiveOn),
                text(input.endsOn), input.suspends, input.summary, input.source, input.statusNote);
        try {
            return ExportControlNode.from(controls.record(command, identity.getPrincipal().getName()));
        } catch (ConflictException e) {
            throw InvalidInputException.of("id", e.getMessage());
        }
    }

    // ---- _entities resolvers: one call (one query) for all representations of a type ----

    @Resolver
    @Blocking
    public List<MineralNode> mineralEntities(List<String> id) {
        batches.announce(MineralNode.class, id);
        Map<String, MineralDto> found = minerals.byIds(id);
        return id.stream().map(key -> MineralNode.from(found.get(key))).toList();
    }

    @Resolver
    @Blocking
    public List<ExportControlNode> exportControlEntities(List<String> id) {
        Map<String, ExportControlDto> found = controls.byIds(id);
        return id.stream().map(key -> ExportControlNode.from(found.get(key))).toList();
    }

    /** ScenarioImpact ids spell out member, minerals and producers, so the id alone rebuilds the entity. */
    @Resolver
    @Blocking
    public List<ScenarioImpactNode> scenarioImpactEntities(List<String> id) {
        return id.stream().map(key -> ScenarioImpactNode.from(ScenarioImpactDto.parse(key).orElse(null))).toList();
    }

    /** Country is owned elsewhere; the stub only carries the key this subgraph extends. */
    @Resolver
    @Blocking
    public List<CountryNode> countryEntities(List<String> code) {
        batches.announce(CountryNode.class, code);
        return code.stream().map(CountryNode::of).toList();
    }

    /**
     * Country representations that carry {@code importDependence} (the router adds it because {@code exposure}
     * requires it). SmallRye binds each representation field to the argument of the same name and, batched,
     * passes one list element per representation.
     */
    @Resolver
    @Blocking
    public List<CountryNode> countryEntitiesWithDependence(List<String> code,
            List<List<ImportDependenceInput>> importDependence) {
        batches.announce(CountryNode.class, code);
        List<CountryNode> result = new ArrayList<>();
        for (int i = 0; i < code.size(); i++) {
            List<ImportDependenceInput> figures = importDependence.get(i);
            result.add(new CountryNode(code.get(i), figures == null ? null
                    : figures.stream().filter(Objects::nonNull).map(f -> new ImportDependenceNode(f.mineralId,
                            f.netImportReliancePct, f.netImportRelianceText, f.chinaShareOfImportsPct,
                            f.chinaShareOfImportsText)).toList()));
        }
        return result;
    }

    /** Mineral representations that carry {@code memberDependence} (required by {@code coalitionExposure}). */
    @Resolver
    @Blocking
    public List<MineralNode> mineralEntitiesWithDependence(List<String> id,
            List<List<MemberDependenceInput>> memberDependence) {
        batches.announce(MineralNode.class, id);
        Map<String, MineralDto> found = minerals.byIds(id);
        List<MineralNode> result = new ArrayList<>();
        for (int i = 0; i < id.size(); i++) {
            List<MemberDependenceInput> figures = memberDependence.get(i);
            result.add(MineralNode.from(found.get(id.get(i)), figures == null ? null
                    : figures.stream().filter(Objects::nonNull).map(f -> new MemberDependenceNode(f.countryCode,
                            f.netImportReliancePct, f.netImportRelianceText, f.chinaShareOfImportsPct,
                            f.chinaShareOfImportsText)).toList()));
        }
        return result;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}