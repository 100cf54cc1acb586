package org.lodestone.mineral.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.Stage;
import org.lodestone.mineral.api.SupplyShareDto;
import org.lodestone.mineral.api.SupplyShareFilter;
import org.lodestone.mineral.service.SupplyShareService;
import org.lodestone.support.rest.QueryParams;

@Path("/supply-shares")
@Produces(MediaType.APPLICATION_JSON)
public class SupplyShareResource {

    private final SupplyShareService shares;

    SupplyShareResource(SupplyShareService shares) {
        this.shares = shares;
    }

    @GET
    public List<SupplyShareDto> list(@QueryParam("ids") String ids, @QueryParam("mineral") String mineral,
            @QueryParam("stage") String stage, @QueryParam("year") String year, @QueryParam("dataset") String dataset,
            @QueryParam("country") String country) {
        List<Long> keys = QueryParams.longs("ids", ids);
        if (keys != null) {
            return shares.byIds(keys);
        }
        return shares.search(new SupplyShareFilter(QueryParams.list(mineral),
                QueryParams.enumValue(Stage.class, "stage", stage), QueryParams.integer("year", year),
                QueryParams.enumValue(Dataset.class, "dataset", dataset),
                country == null ? null : QueryParams.list(country.toUpperCase())));
    }

    @GET
    @Path("/{id}")
    public SupplyShareDto get(@PathParam("id") String id) {
        return shares.get(QueryParams.id("id", id));
    }
}
