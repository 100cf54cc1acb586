package org.lodestone.mineral.graphql;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Description("""
        What an export control by imposingCountry on these minerals would cut: per mineral the imposing country's \
        share of world mining and refining and the producers that could substitute; the coalition members hit \
        (the coalition members among the targets, or every member when no targets are given); and the export \
        controls by the imposing country on these minerals (and targets) in force on activeOn.""")
@Name("ExportControlScenario")
public record ExportControlScenarioNode(@NonNull CountryNode imposingCountry, @NonNull LocalDate activeOn,
        @NonNull List<@NonNull CountryNode> targets, @NonNull List<@NonNull ScenarioMineralNode> minerals,
        @NonNull List<@NonNull ScenarioImpactNode> hitMembers, @NonNull List<@NonNull ExportControlNode> activeControls,
        @NonNull List<@NonNull String> notes) {
}
