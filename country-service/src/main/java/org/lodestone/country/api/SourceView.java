package org.lodestone.country.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Name;

import io.smallrye.graphql.api.federation.Shareable;

/** Where a fact comes from. Shared, field for field, by every Lodestone subgraph. */
@Name("Source")
@Shareable
@Description("Where a fact comes from: the full citation as published, and the parts read from it.")
public record SourceView(
        @NonNull String citation,
        String publisher,
        String title,
        Integer year,
        String url,
        @NonNull List<@NonNull String> refs) {
}
