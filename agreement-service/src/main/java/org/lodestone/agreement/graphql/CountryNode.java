package org.lodestone.agreement.graphql;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

/** Owned by country-service; this subgraph only knows the key and contributes agreements and commitments. */
@Type("Country")
// federation resolves the _entities union member by @Name (or the simple class name), not by @Type
@Name("Country")
@Key(fields = @FieldSet("code"))
public record CountryNode(@Id @NonNull String code) {
}
