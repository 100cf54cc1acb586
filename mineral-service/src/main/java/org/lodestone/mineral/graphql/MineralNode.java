package org.lodestone.mineral.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.mineral.api.MineralDto;
import org.lodestone.support.citation.SourceNode;

import io.smallrye.graphql.api.federation.External;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

@Key(fields = @FieldSet("id"))
@Description("A critical mineral or mineral group; id is a slug such as lithium or rare_earths")
@Name("Mineral")
public record MineralNode(@Id @NonNull String id, @NonNull String name, String symbol, String unit,
        @NonNull List<@NonNull String> uses, SourceNode usesSource,
        @External List<@NonNull MemberDependenceNode> memberDependence) {

    static MineralNode from(MineralDto dto) {
        return from(dto, null);
    }

    /** With the members' dependence the router sent in a representation (see {@code coalitionExposure}). */
    static MineralNode from(MineralDto dto, List<MemberDependenceNode> memberDependence) {
        return dto == null ? null
                : new MineralNode(dto.id(), dto.name(), dto.symbol(), dto.unit(), dto.uses(), SourceNode.of(dto.usesSource()),
                        memberDependence);
    }
}
