package org.lodestone.mineral.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import io.smallrye.graphql.api.federation.Inaccessible;

/**
 * The required {@code importDependence} selection as it arrives in an {@code _entities} representation.
 * SmallRye binds representation fields to resolver arguments by name, so this input type mirrors the selection.
 * Inaccessible: only the hidden _entities resolvers take it, so clients of the router never see it.
 */
@Inaccessible
@Input("ImportDependenceRepresentation")
@Description("Internal: Country.importDependence as the router passes it to _entities")
public class ImportDependenceInput {

    public String mineralId;
    public Double netImportReliancePct;
    /** As published, e.g. ">50": tells a bound from an exact figure. */
    public String netImportRelianceText;
    public Double chinaShareOfImportsPct;
    public String chinaShareOfImportsText;
}
