package org.lodestone.country.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.support.citation.SourceNode;

@Name("PolicyMeasure")
@Description("A policy a country has set against supply risk, e.g. a stockpile target in days of consumption.")
public record PolicyMeasureView(
        @Id @NonNull Long id,
        @Id @NonNull String countryCode,
        @NonNull MineralRef mineral,
        @NonNull String kind,
        Double value,
        String unit,
        String period,
        String note,
        @NonNull SourceNode source) {
}
