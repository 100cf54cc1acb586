package org.lodestone.mineral.service;

public record ScenarioMineralDto(String mineral, ScenarioStageDto mining, ScenarioStageDto refining) {
}
