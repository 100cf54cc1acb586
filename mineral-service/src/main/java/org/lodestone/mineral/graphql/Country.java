package org.lodestone.mineral.graphql;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

/** Owned by country-service; this subgraph only contributes {@code supplyShares}. */
@Key(fields = @FieldSet("code"))
public record Country(@Id @NonNull String code) {

    static Country of(String code) {
        return code == null ? null : new Country(code);
    }
}
