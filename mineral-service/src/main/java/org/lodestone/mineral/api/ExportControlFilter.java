package org.lodestone.mineral.api;

import java.time.LocalDate;

/** Null means "any". {@code activeOn}: restrictions in effect that day, suspensions and end dates honoured. */
public record ExportControlFilter(String imposingCountry, String mineral, String target, LocalDate activeOn) {
}
