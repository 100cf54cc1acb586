package org.lodestone.mineral.api;

import java.util.Collection;

import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.Stage;

/** Null or empty means "any". */
public record SupplyShareFilter(Collection<String> minerals, Stage stage, Integer year, Dataset dataset,
        Collection<String> countries) {
}
