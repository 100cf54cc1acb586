package org.lodestone.mineral.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.mineral.service.MineralDto;

import io.smallrye.graphql.api.federation.External;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

@Key(fields = @FieldSet("id"))
@Description("A critical mineral or mineral group; id is a slug such as lithium or rare_earths")
public record Mineral(@Id @NonNull String id, @NonNull String name, String symbol, String unit,
        @NonNull List<@NonNull String> uses, Source usesSource,
        @External @NonNull List<@NonNull MemberDependence> memberDependence) {

    static Mineral from(MineralDto dto) {
        return from(dto, null);
    }

    /** With the members' dependence the router sent in a representation (see {@code coalitionExposure}). */
    static Mineral from(MineralDto dto, List<MemberDependence> memberDependence) {
        return dto == null ? null
                : new Mineral(dto.id(), dto.name(), dto.symbol(), dto.unit(), dto.uses(), Source.from(dto.usesSource()),
                        memberDependence);
    }
}
