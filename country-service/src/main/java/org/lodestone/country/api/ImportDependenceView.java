package org.lodestone.country.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.support.citation.SourceNode;

import io.smallrye.graphql.api.federation.Shareable;

/**
 * The two dependence figures exposure analytics need, per mineral. Shareable: mineral-service declares the same
 * type (only {@code mineralId} and the two numbers) to {@code @requires} it.
 */
@Name("ImportDependence")
@Shareable
@Description("""
        A country's import dependence for one mineral: net import reliance (% of apparent consumption) and China's \
        share of the country's imports, each with its period, published text (">50" is entered as 50), scope and \
        source. Null where the country data has no such figure. Where the data holds several figures of one kind \
        (e.g. natural graphite and anode material), the first recorded is used; all are in Country.dependencies.""")
public record ImportDependenceView(
        @Id @NonNull String mineralId,
        Double netImportReliancePct,
        String netImportRelianceText,
        String netImportReliancePeriod,
        String netImportRelianceScope,
        SourceNode netImportRelianceSource,
        Double chinaShareOfImportsPct,
        String chinaShareOfImportsText,
        String chinaShareOfImportsPeriod,
        String chinaShareOfImportsScope,
        SourceNode chinaShareOfImportsSource) {
}
