package org.lodestone.mineral.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.mineral.api.SourceDto;

import io.smallrye.graphql.api.federation.Shareable;

/** Shared by every Lodestone subgraph with identical fields, hence shareable. */
@Shareable
@Description("Where a fact comes from: the full citation and what could be read from it")
@Name("Source")
public record SourceNode(@NonNull String citation, String publisher, String title, Integer year, String url,
        @NonNull List<@NonNull String> refs) {

    static SourceNode from(SourceDto dto) {
        return dto == null ? null
                : new SourceNode(dto.citation(), dto.publisher(), dto.title(), dto.year(), dto.url(), dto.refs());
    }
}
