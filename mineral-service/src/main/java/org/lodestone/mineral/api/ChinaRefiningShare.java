package org.lodestone.mineral.api;

import org.lodestone.mineral.Dataset;
import org.lodestone.support.citation.Citation;

/**
 * China's share of world refining of one mineral in the dataset and year the concentration rules pick
 * (IEA where it covers the mineral, else USGS; latest non-projection year). {@code sharePct} is null, with
 * {@code missingReason}, when the data has no refining table for the mineral or no China row in it.
 */
public record ChinaRefiningShare(String mineralId, Double sharePct, Dataset dataset, Integer year, Citation source,
        String missingReason) {
}
