package org.lodestone.country.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.support.citation.SourceNode;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

@Name("Country")
@Key(fields = @FieldSet("code"))
@Description("A country (ISO 3166-1 alpha-2), the European Union (EU) or a data aggregate (ROW, WORLD).")
public record CountryView(
        @Id @NonNull String code,
        @NonNull String name,
        boolean coalitionMember,
        @NonNull List<@NonNull String> groups,
        String chinaDependenceSummary,
        SourceNode summarySource) {
}
