package org.lodestone.mineral.api;

public record ProductionDto(long id, String mineral, String country, int year, String measure, Double quantity,
        String unit, String basis, SourceDto source, String note) {
}
