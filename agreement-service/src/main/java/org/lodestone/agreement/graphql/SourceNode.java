package org.lodestone.agreement.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.smallrye.graphql.api.federation.Shareable;

/** Defined identically in every subgraph, hence shareable. */
@Type("Source")
@Shareable
@Description("Where a fact comes from: the full citation text and the parts read from it (null when unclear).")
public record SourceNode(
        @NonNull String citation,
        String publisher,
        String title,
        Integer year,
        String url,
        @NonNull List<@NonNull String> refs) {
}
