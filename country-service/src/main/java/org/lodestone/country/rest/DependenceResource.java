package org.lodestone.country.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.lodestone.country.api.DependenceIndicatorView;
import org.lodestone.country.service.DependenceService;
import org.lodestone.support.rest.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/dependencies")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dependencies")
public class DependenceResource {

    @Inject
    DependenceService dependences;

    @GET
    @Operation(summary = "List dependence indicators, filtered by country, mineral and indicator")
    public List<DependenceIndicatorView> list(@RestQuery String country, @RestQuery String mineral,
            @RestQuery String indicator) {
        return dependences.search(QueryParams.text(country), QueryParams.text(mineral), QueryParams.text(indicator));
    }

    @GET
    @Path("/{id}")
    public DependenceIndicatorView get(@RestPath long id) {
        return dependences.get(id);
    }
}
