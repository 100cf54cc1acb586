package org.lodestone.support.citation;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.federation.Shareable;

/** The GraphQL {@code Source} type, one class for every subgraph, so its definition is identical in each. */
@Name("Source")
@Shareable
@Description("Where a fact comes from: the full citation text and the parts read from it (null when unclear).")
public record SourceNode(
        @NonNull String citation,
        String publisher,
        String title,
        Integer year,
        String url,
        @NonNull List<@NonNull String> refs) {

    /** The node for a parsed citation; null for none. */
    public static SourceNode of(Citation citation) {
        return citation == null ? null
                : new SourceNode(citation.citation(), citation.publisher(), citation.title(), citation.year(),
                        citation.url(), citation.refs());
    }
}
