package org.lodestone.country.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Name;

import org.lodestone.country.ValueQualifier;
import org.lodestone.support.citation.SourceNode;

@Name("DependenceIndicator")
@Description("One published figure about a country's dependence for a mineral, with its source.")
public record DependenceIndicatorView(
        @Id @NonNull Long id,
        @Id @NonNull String countryCode,
        @NonNull MineralRef mineral,
        @NonNull String indicator,
        @Description("The number as published; see valueQualifier for bounds (>50) and approximations (~60).")
        Double value,
        ValueQualifier valueQualifier,
        @Description("The figure exactly as the source gives it, e.g. \">50\".")
        String valueText,
        String unit,
        String period,
        String note,
        @NonNull SourceNode source) {
}
