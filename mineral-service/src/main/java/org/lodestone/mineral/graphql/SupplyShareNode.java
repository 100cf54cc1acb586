package org.lodestone.mineral.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.Stage;
import org.lodestone.mineral.api.SupplyShareDto;
import org.lodestone.support.citation.SourceNode;

@Description("A country's share of world mining or refining of a mineral in one year and dataset")
@Name("SupplyShare")
public record SupplyShareNode(@Ignore String mineralId, @NonNull CountryNode country, @NonNull Stage stage, int year,
        double sharePct, @NonNull Dataset dataset, @NonNull String basis, boolean projection, @NonNull SourceNode source,
        String note) {

    static SupplyShareNode from(SupplyShareDto dto) {
        return new SupplyShareNode(dto.mineral(), CountryNode.of(dto.country()), dto.stage(), dto.year(), dto.sharePct(),
                dto.dataset(), dto.basis(), dto.projection(), SourceNode.of(dto.source()), dto.note());
    }
}
