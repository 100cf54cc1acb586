package org.lodestone.mineral.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.Stage;
import org.lodestone.mineral.api.ScenarioStageDto;
import org.lodestone.support.citation.SourceNode;

@Description("""
        The imposing country's share of world mining or refining of a mineral, in the dataset and year named \
        (IEA where it covers the mineral and stage, else USGS; latest non-projection year), and the other named \
        producers in that table, largest first, as possible substitutes. Their shares are shares of today's \
        world supply, not spare capacity: they bound how much could be redirected, they do not say it can be. \
        Null parts come with reasons in missing.""")
@Name("ScenarioStage")
public record ScenarioStageNode(@NonNull Stage stage, Dataset dataset, Integer year, String basis,
        Double imposingSharePct, SourceNode imposingShareSource, @NonNull List<@NonNull SupplyShareNode> substitutes,
        @NonNull List<@NonNull String> missing) {

    static ScenarioStageNode from(ScenarioStageDto dto) {
        return new ScenarioStageNode(dto.stage(), dto.dataset(), dto.year(), dto.basis(), dto.imposingSharePct(),
                SourceNode.of(dto.imposingShareSource()), dto.substitutes().stream().map(SupplyShareNode::from).toList(),
                dto.missing());
    }
}
