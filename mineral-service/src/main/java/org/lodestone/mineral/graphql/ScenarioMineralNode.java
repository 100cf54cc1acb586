package org.lodestone.mineral.graphql;

import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("ScenarioMineral")
public record ScenarioMineralNode(@NonNull MineralNode mineral, @NonNull ScenarioStageNode mining,
        @NonNull ScenarioStageNode refining) {
}
