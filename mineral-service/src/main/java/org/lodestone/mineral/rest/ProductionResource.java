package org.lodestone.mineral.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.lodestone.mineral.api.ProductionDto;
import org.lodestone.mineral.service.ProductionService;
import org.lodestone.support.rest.QueryParams;

/** Production, reserves and capacity figures. */
@Path("/production")
@Produces(MediaType.APPLICATION_JSON)
public class ProductionResource {

    private final ProductionService production;

    ProductionResource(ProductionService production) {
        this.production = production;
    }

    @GET
    public List<ProductionDto> list(@QueryParam("ids") String ids, @QueryParam("mineral") String mineral,
            @QueryParam("country") String country, @QueryParam("year") String year,
            @QueryParam("measure") String measure) {
        List<Long> keys = QueryParams.longs("ids", ids);
        if (keys != null) {
            return production.byIds(keys);
        }
        return production.search(QueryParams.text(mineral),
                country == null ? null : QueryParams.text(country.toUpperCase()), QueryParams.integer("year", year),
                QueryParams.text(measure));
    }

    @GET
    @Path("/{id}")
    public ProductionDto get(@PathParam("id") String id) {
        return production.get(QueryParams.id("id", id));
    }
}
