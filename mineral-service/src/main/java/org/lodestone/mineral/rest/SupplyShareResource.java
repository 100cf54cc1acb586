package org.lodestone.mineral.rest;

import java.util.List;

import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.Stage;
import org.lodestone.mineral.api.IngestionResult;
import org.lodestone.mineral.api.SupplyShareDto;
import org.lodestone.mineral.api.SupplyShareFilter;
import org.lodestone.mineral.service.SupplyShareIngestionService;
import org.lodestone.mineral.service.SupplyShareService;

import io.smallrye.common.annotation.Blocking;
import org.lodestone.support.DatabaseOutageAware;
import org.lodestone.support.rest.QueryParams;

@DatabaseOutageAware
@Path("/supply-shares")
@Produces(MediaType.APPLICATION_JSON)
public class SupplyShareResource {

    private final SupplyShareService shares;
    private final SupplyShareIngestionService ingestion;

    SupplyShareResource(SupplyShareService shares, SupplyShareIngestionService ingestion) {
        this.shares = shares;
        this.ingestion = ingestion;
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

    /**
     * Many supply shares in one request, as CSV with the seed data's header
     * ({@code mineral,stage,country_iso2,share_pct,year,basis,source,note}). All rows are stored in one transaction,
     * or none is and the answer lists the bad rows.
     */
    @POST
    @Path("/bulk")
    @Consumes("text/csv")
    @RolesAllowed({ "analyst", "admin" })
    @Blocking
    public IngestionResult bulk(@HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        return ingestion.ingest(body, contentLength);
    }
}
