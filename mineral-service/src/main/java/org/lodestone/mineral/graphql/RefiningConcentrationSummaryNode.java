package org.lodestone.mineral.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Description("""
        Average top-3 refining concentration over a set of minerals in one year: the plain (unweighted) mean of \
        each mineral's top3SharePct, over the minerals the data covers that year (the others are listed in \
        missing). Top-3 shares count named countries only ('rest of world' rows are excluded), and each mineral \
        weighs the same whatever its market size.""")
@Name("RefiningConcentrationSummary")
public record RefiningConcentrationSummaryNode(int year, Double averageTop3SharePct, int mineralsCounted,
        @NonNull List<@NonNull ConcentrationNode> concentrations, @NonNull List<@NonNull String> missing) {
}
