package org.lodestone.mineral.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.federation.Shareable;

/**
 * country-service's {@code Mineral.memberDependence} element, declared here only so that
 * {@code Mineral.coalitionExposure} can require it; this subgraph never resolves it.
 */
@Shareable
@Description("A coalition member's import dependence for one mineral, owned by country-service")
@Name("MemberDependence")
public record MemberDependenceNode(@Id @NonNull String countryCode, Double netImportReliancePct,
        String netImportRelianceText, Double chinaShareOfImportsPct, String chinaShareOfImportsText) {
}
