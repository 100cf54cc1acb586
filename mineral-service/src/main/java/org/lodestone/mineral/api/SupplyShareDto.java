package org.lodestone.mineral.api;

import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.Stage;
import org.lodestone.support.citation.Citation;

public record SupplyShareDto(long id, String mineral, Stage stage, String country, double sharePct, int year,
        Dataset dataset, String basis, boolean projection, Citation source, String note) {
}
