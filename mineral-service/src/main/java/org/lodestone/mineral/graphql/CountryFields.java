package org.lodestone.mineral.graphql;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.Stage;
import org.lodestone.mineral.api.ChinaRefiningShare;
import org.lodestone.mineral.api.DependenceFigures;
import org.lodestone.mineral.service.ExposureService;
import org.lodestone.mineral.api.MineralDto;
import org.lodestone.mineral.service.MineralService;
import org.lodestone.mineral.api.SupplyShareFilter;
import org.lodestone.mineral.service.SupplyShareService;
import org.lodestone.support.BatchByArguments;
import org.lodestone.support.DatabaseOutageAware;
import io.smallrye.graphql.api.Nullable;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Requires;

/**
 * The fields this subgraph contributes to {@code Country}, which country-service owns.
 */
@DatabaseOutageAware
@GraphQLApi
public class CountryFields {

    private final MineralService minerals;
    private final SupplyShareService shares;
    private final ExposureService exposure;
    private final BatchByArguments batches;

    CountryFields(MineralService minerals, SupplyShareService shares, ExposureService exposure, BatchByArguments batches) {
        this.minerals = minerals;
        this.shares = shares;
        this.exposure = exposure;
        this.batches = batches;
    }

    // Nullable, as a field contributed to another subgraph's entity. SmallRye GraphQL copies the annotations of the
    // list's element type onto the field itself, so without @Nullable List<@NonNull ...> would serve [X!]!.
    @Name("supplyShares")
    @Nullable
    public List<@NonNull SupplyShareNode> countrySupplyShares(@Source CountryNode country, Stage stage, Integer year,
            Dataset dataset) {
        return batches.get(CountryNode.class, country.code(), "supplyShares", Arrays.asList(stage, year, dataset),
                codes -> shares.search(new SupplyShareFilter(null, stage, year, dataset, codes)).stream()
                        .map(SupplyShareNode::from).collect(Collectors.groupingBy(s -> s.country().code())),
                List.of());
    }

    @Name("exposure")
    @Requires(fields = @FieldSet("importDependence { mineralId netImportReliancePct netImportRelianceText "
            + "chinaShareOfImportsPct chinaShareOfImportsText }"))
    @Description("""
            This country's exposure to China for each mineral country-service has import dependence figures for, \
            in the order country-service lists them. See MineralExposure for the score and its limits.""")
    public List<List<@NonNull MineralExposureNode>> countryExposure(@Source List<CountryNode> parents) {
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
                .map(e -> MineralExposureNode.from(e, MineralNode.from(found.get(e.mineralId())))).toList()).toList();
    }
}
