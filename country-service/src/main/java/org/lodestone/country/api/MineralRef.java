package org.lodestone.country.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Name;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

/**
 * A mineral, by id only: mineral-service owns minerals, this service just points at them. It would be declared
 * {@code resolvable: false}, but SmallRye GraphQL 2.17 fails at startup on that flag, so a stub resolver wraps ids.
 */
@Name("Mineral")
@Key(fields = @FieldSet("id"))
@Description("A mineral, owned by mineral-service (ids are slugs such as lithium or rare_earths).")
public record MineralRef(@Id @NonNull String id) {
}
