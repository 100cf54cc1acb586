package org.lodestone.mineral.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.federation.Shareable;

/**
 * country-service's {@code Country.importDependence} element, declared here only so that {@code Country.exposure}
 * can require it; this subgraph never resolves it. Shareable because both subgraphs define the type.
 */
@Shareable
@Description("A country's import dependence for one mineral, owned by country-service")
@Name("ImportDependence")
public record ImportDependenceNode(@Id @NonNull String mineralId, Double netImportReliancePct,
        String netImportRelianceText, Double chinaShareOfImportsPct, String chinaShareOfImportsText) {
}
