package org.lodestone.mineral.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.Stage;
import org.lodestone.mineral.service.SupplyShareDto;

@Description("A country's share of world mining or refining of a mineral in one year and dataset")
public record SupplyShare(@Ignore String mineralId, @NonNull Country country, @NonNull Stage stage, int year,
        double sharePct, @NonNull Dataset dataset, @NonNull String basis, boolean projection, @NonNull Source source,
        String note) {

    static SupplyShare from(SupplyShareDto dto) {
        return new SupplyShare(dto.mineral(), Country.of(dto.country()), dto.stage(), dto.year(), dto.sharePct(),
                dto.dataset(), dto.basis(), dto.projection(), Source.from(dto.source()), dto.note());
    }
}
