package org.lodestone.agreement.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.smallrye.graphql.api.federation.External;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

/**
 * Owned by mineral-service (one per coalition member hit by an export-control scenario). This subgraph receives the
 * member, minerals and substitute producers from the gateway ({@code @requires}) and contributes the agreements and
 * commitments that matter to that member.
 */
@Type("ScenarioImpact")
// federation resolves the _entities union member by @Name (or the simple class name), not by @Type
@Name("ScenarioImpact")
@Key(fields = @FieldSet("id"))
public record ScenarioImpactNode(
        @Id @NonNull String id,
        @External @Id @NonNull String memberCode,
        @External @Id @NonNull List<@NonNull String> mineralIds,
        @External @Id @NonNull List<@NonNull String> producerCodes) {
}
