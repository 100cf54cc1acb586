package org.lodestone.mineral.api;

public record ScenarioMineralDto(String mineral, ScenarioStageDto mining, ScenarioStageDto refining) {
}
