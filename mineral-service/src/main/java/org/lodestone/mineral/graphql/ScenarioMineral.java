package org.lodestone.mineral.graphql;

import org.eclipse.microprofile.graphql.NonNull;

public record ScenarioMineral(@NonNull Mineral mineral, @NonNull ScenarioStage mining,
        @NonNull ScenarioStage refining) {
}
