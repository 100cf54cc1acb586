package org.lodestone.mineral.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.mineral.service.SourceDto;

import io.smallrye.graphql.api.federation.Shareable;

/** Shared by every Lodestone subgraph with identical fields, hence shareable. */
@Shareable
@Description("Where a fact comes from: the full citation and what could be read from it")
public record Source(@NonNull String citation, String publisher, String title, Integer year, String url,
        @NonNull List<@NonNull String> refs) {

    static Source from(SourceDto dto) {
        return dto == null ? null
                : new Source(dto.citation(), dto.publisher(), dto.title(), dto.year(), dto.url(), dto.refs());
    }
}
