package org.lodestone.mineral.graphql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.Stage;
import org.lodestone.mineral.api.ChinaRefiningShare;
import org.lodestone.mineral.api.ConcentrationDto;
import org.lodestone.mineral.service.ConcentrationService;
import org.lodestone.mineral.api.DependenceFigures;
import org.lodestone.mineral.api.ExportControlDto;
import org.lodestone.mineral.service.ExportControlService;
import org.lodestone.mineral.service.ExposureService;
import org.lodestone.mineral.service.MineralService;
import org.lodestone.mineral.api.PriceDto;
import org.lodestone.mineral.service.PriceService;
import org.lodestone.mineral.api.SupplyShareFilter;
import org.lodestone.mineral.service.SupplyShareService;
import org.lodestone.support.BatchByArguments;
import org.lodestone.support.DatabaseOutageAware;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Requires;

/**
 * The fields of {@code Mineral}: lists without arguments resolve for all parents at once, fields with arguments
 * per parent through {@link BatchByArguments}, one statement per alias.
 */
@DatabaseOutageAware
@GraphQLApi
public class MineralFields {

    private final MineralService minerals;
    private final SupplyShareService shares;
    private final ConcentrationService concentration;
    private final PriceService prices;
    private final ExportControlService controls;
    private final ExposureService exposure;
    private final BatchByArguments batches;

    MineralFields(MineralService minerals, SupplyShareService shares, ConcentrationService concentration, PriceService prices, ExportControlService controls, ExposureService exposure, BatchByArguments batches) {
        this.minerals = minerals;
        this.shares = shares;
        this.concentration = concentration;
        this.prices = prices;
        this.controls = controls;
        this.exposure = exposure;
        this.batches = batches;
    }

    @Name("coalitionExposure")
    @Requires(fields = @FieldSet("memberDependence { countryCode netImportReliancePct netImportRelianceText "
            + "chinaShareOfImportsPct chinaShareOfImportsText }"))
    @Description("""
            Every coalition member's exposure to China for this mineral, most exposed first (null scores last, \
            with reasons); members without figures in country-service appear with a null score. See MineralExposure.""")
    public List<List<@NonNull MineralExposureNode>> mineralCoalitionExposure(@Source List<MineralNode> parents) {
        Map<String, ChinaRefiningShare> refining = exposure
                .chinaRefiningShares(parents.stream().map(MineralNode::id).distinct().toList());
        List<List<MineralExposureNode>> result = new ArrayList<>();
        for (MineralNode mineral : parents) {
            List<DependenceFigures> figures = mineral.memberDependence() == null ? List.of()
                    : mineral.memberDependence().stream().map(d -> new DependenceFigures(d.countryCode(),
                            mineral.id(), d.netImportReliancePct(), d.netImportRelianceText(),
                            d.chinaShareOfImportsPct(), d.chinaShareOfImportsText())).toList();
            result.add(exposure.coalitionExposure(mineral.id(), figures, refining.get(mineral.id())).stream()
                    .map(e -> MineralExposureNode.from(e, withoutExternal(mineral))).toList());
        }
        return result;
    }

    @Name("supplyShares")
    public @NonNull List<@NonNull SupplyShareNode> mineralSupplyShares(@Source MineralNode mineral, Stage stage, Integer year,
            Dataset dataset) {
        return batches.get(MineralNode.class, mineral.id(), "supplyShares", Arrays.asList(stage, year, dataset),
                ids -> shares.search(new SupplyShareFilter(ids, stage, year, dataset, null)).stream()
                        .map(SupplyShareNode::from).collect(Collectors.groupingBy(SupplyShareNode::mineralId)),
                List.of());
    }

    @Name("concentration")
    public ConcentrationNode mineralConcentration(@Source MineralNode mineral, @DefaultValue("REFINING") Stage stage,
            Integer year, Dataset dataset) {
        Stage effective = stage == null ? Stage.REFINING : stage;
        return ConcentrationNode.from(mineral, batches.get(MineralNode.class, mineral.id(), "concentration",
                Arrays.asList(effective, year, dataset),
                ids -> concentration.concentration(ids, effective, year, dataset), null));
    }

    @Name("concentrationHistory")
    @Description("Concentration for every year the dataset has (observed and projected, flagged), oldest first")
    public @NonNull List<@NonNull ConcentrationNode> mineralConcentrationHistory(@Source MineralNode mineral,
            @DefaultValue("REFINING") Stage stage, Dataset dataset) {
        Stage effective = stage == null ? Stage.REFINING : stage;
        return batches.get(MineralNode.class, mineral.id(), "concentrationHistory", Arrays.asList(effective, dataset),
                ids -> concentration.history(ids, effective, dataset), List.<ConcentrationDto>of()).stream()
                .map(c -> ConcentrationNode.from(mineral, c)).toList();
    }

    @Name("prices")
    @Description("Price points whose period starts within [from, to] (YYYY or YYYY-MM)")
    public @NonNull List<@NonNull PricePointNode> mineralPrices(@Source MineralNode mineral, String from, String to) {
        return batches.get(MineralNode.class, mineral.id(), "prices", Arrays.asList(from, to), 
                ids -> prices.search(ids, from, to, null).stream().collect(Collectors.groupingBy(PriceDto::mineral,
                        Collectors.collectingAndThen(Collectors.toList(), MineralFields::withChanges))),
                List.of());
    }

    @Name("exportControls")
    public List<@NonNull List<@NonNull ExportControlNode>> mineralExportControls(@Source List<MineralNode> parents) {
        Map<String, List<ExportControlDto>> byMineral = controls.byMinerals(parents.stream().map(MineralNode::id).toList());
        return parents.stream().map(m -> byMineral.getOrDefault(m.id(), List.of()).stream().map(ExportControlNode::from)
                .toList()).toList();
    }

    /** Change versus the previous point of the same series, unit and period type, in period order. */
    static List<PricePointNode> withChanges(List<PriceDto> points) {
        Map<String, PriceDto> previous = new HashMap<>();
        List<PricePointNode> result = new ArrayList<>();
        for (PriceDto point : points) {
            String series = point.series() + "|" + point.unitCurrency() + "|" + point.periodType();
            PriceDto before = previous.put(series, point);
            Double change = null;
            if (before != null && before.price().signum() != 0) {
                change = Math.round((point.price().doubleValue() / before.price().doubleValue() - 1) * 10000) / 100.0;
            }
            result.add(PricePointNode.from(point, change));
        }
        return result;
    }

    private static MineralNode withoutExternal(MineralNode mineral) {
        return new MineralNode(mineral.id(), mineral.name(), mineral.symbol(), mineral.unit(), mineral.uses(),
                mineral.usesSource(), null);
    }
}
