package org.lodestone.mineral.api;

import java.time.LocalDate;
import java.util.List;

public record ScenarioDto(String imposingCountry, LocalDate activeOn, List<String> targets,
        List<ScenarioMineralDto> minerals, List<ScenarioImpactDto> hitMembers, List<ExportControlDto> activeControls,
        List<String> notes) {
}
