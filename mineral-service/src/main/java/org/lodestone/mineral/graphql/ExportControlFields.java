package org.lodestone.mineral.graphql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.lodestone.mineral.service.ControlPeriod;
import org.lodestone.mineral.api.ExportControlDto;
import org.lodestone.mineral.service.ExportControlService;
import org.lodestone.mineral.api.MineralDto;
import org.lodestone.mineral.service.MineralService;
import org.lodestone.mineral.api.PriceDto;
import org.lodestone.mineral.service.PriceMoveCalculator;
import org.lodestone.mineral.service.PriceService;
import org.lodestone.support.BatchByArguments;

/**
 * The references out of {@code SupplyShare} and {@code ExportControl}: their minerals, the control a suspension
 * suspends and the price moves around a control, each in one query for all parents.
 */
@GraphQLApi
public class ExportControlFields {

    private final MineralService minerals;
    private final PriceService prices;
    private final ExportControlService controls;
    private final BatchByArguments batches;

    ExportControlFields(MineralService minerals, PriceService prices, ExportControlService controls, BatchByArguments batches) {
        this.minerals = minerals;
        this.prices = prices;
        this.controls = controls;
        this.batches = batches;
    }

    @Name("mineral")
    public List<@NonNull MineralNode> supplyShareMineral(@Source List<SupplyShareNode> parents) {
        Map<String, MineralDto> found = minerals.byIds(new LinkedHashSet<>(
                parents.stream().map(SupplyShareNode::mineralId).toList()));
        batches.announce(MineralNode.class, found.keySet());
        return parents.stream().map(s -> MineralNode.from(found.get(s.mineralId()))).toList();
    }

    @Name("minerals")
    public List<@NonNull List<@NonNull MineralNode>> exportControlMinerals(@Source List<ExportControlNode> parents) {
        Set<String> ids = parents.stream().flatMap(c -> c.mineralIds().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, MineralDto> found = minerals.byIds(ids);
        batches.announce(MineralNode.class, found.keySet());
        return parents.stream().map(c -> c.mineralIds().stream().map(found::get).filter(Objects::nonNull)
                .map(MineralNode::from).toList()).toList();
    }

    @Name("suspends")
    @Description("For a suspension: the control it suspends")
    public List<ExportControlNode> exportControlSuspends(@Source List<ExportControlNode> parents) {
        Set<String> ids = parents.stream().map(ExportControlNode::suspendsId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, ExportControlDto> found = ids.isEmpty() ? Map.of() : controls.byIds(ids);
        List<ExportControlNode> result = new ArrayList<>();
        for (ExportControlNode parent : parents) {
            result.add(parent.suspendsId() == null ? null : ExportControlNode.from(found.get(parent.suspendsId())));
        }
        return result;
    }

    @Name("priceMoves")
    @Description("""
            For each mineral of the control, each price series' last period before the effective date and first \
            period on or after it, with the change. See PriceMove.""")
    public List<@NonNull List<@NonNull PriceMoveNode>> exportControlPriceMoves(@Source List<ExportControlNode> parents) {
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
                            .stream().map(move -> PriceMoveNode.from(move, MineralNode.from(found.get(m)))))
                    .toList();
        }).toList();
    }
}
