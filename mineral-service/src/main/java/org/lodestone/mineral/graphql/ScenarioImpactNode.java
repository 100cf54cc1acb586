package org.lodestone.mineral.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.mineral.api.ScenarioImpactDto;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

@Key(fields = @FieldSet("id"))
@Description("""
        A coalition member hit by an export-control scenario: the minerals cut off and the non-imposing producers \
        (mining or refining) that could substitute. id = memberCode|mineralIds|producerCodes (sorted, comma-joined), \
        so the same scenario always gives the same id and any subgraph can resolve it from the id alone.""")
@Name("ScenarioImpact")
public record ScenarioImpactNode(@Id @NonNull String id, @NonNull CountryNode member, @Id @NonNull String memberCode,
        @Id @NonNull List<@NonNull String> mineralIds, @Id @NonNull List<@NonNull String> producerCodes) {

    static ScenarioImpactNode from(ScenarioImpactDto dto) {
        return dto == null ? null
                : new ScenarioImpactNode(dto.id(), CountryNode.of(dto.memberCode()), dto.memberCode(), dto.mineralIds(),
                        dto.producerCodes());
    }
}
