package org.lodestone.mineral.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.federation.External;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

/**
 * Owned by country-service; this subgraph contributes {@code supplyShares} and {@code exposure}.
 * {@code importDependence} is external: it is only filled when the router sends it in a representation
 * (because {@code exposure} requires it), and is never resolved here.
 */
@Key(fields = @FieldSet("code"))
@Name("Country")
public record CountryNode(@Id @NonNull String code,
        @External @NonNull List<@NonNull ImportDependenceNode> importDependence) {

    static CountryNode of(String code) {
        return code == null ? null : new CountryNode(code, null);
    }
}
