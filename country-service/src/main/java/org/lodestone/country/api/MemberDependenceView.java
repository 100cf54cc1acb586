package org.lodestone.country.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.support.citation.SourceNode;

import io.smallrye.graphql.api.federation.Shareable;

/** {@link ImportDependenceView} seen from a mineral: which coalition member the figures belong to. */
@Name("MemberDependence")
@Shareable
@Description("""
        A coalition member's import dependence for one mineral (see ImportDependence): net import reliance and \
        China's share of the member's imports, with periods, published text, scope and sources.""")
public record MemberDependenceView(
        @Id @NonNull String countryCode,
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

    public static MemberDependenceView of(String countryCode, ImportDependenceView d) {
        return new MemberDependenceView(countryCode, d.netImportReliancePct(), d.netImportRelianceText(),
                d.netImportReliancePeriod(), d.netImportRelianceScope(), d.netImportRelianceSource(),
                d.chinaShareOfImportsPct(), d.chinaShareOfImportsText(), d.chinaShareOfImportsPeriod(),
                d.chinaShareOfImportsScope(), d.chinaShareOfImportsSource());
    }
}
