package org.lodestone.mineral.api;

import org.lodestone.support.citation.Citation;

public record ProductionDto(long id, String mineral, String country, int year, String measure, Double quantity,
        String unit, String basis, Citation source, String note) {
}
