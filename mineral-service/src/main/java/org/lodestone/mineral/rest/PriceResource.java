package org.lodestone.mineral.rest;

import java.io.InputStream;
import java.util.List;

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
import jakarta.ws.rs.core.Response;

import org.lodestone.support.DatabaseOutageAware;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.mineral.api.IngestionResult;
import org.lodestone.mineral.api.PriceDto;
import org.lodestone.mineral.service.PriceIngestionService;
import org.lodestone.mineral.service.PriceIngestionService.Format;
import org.lodestone.mineral.api.PriceInput;
import org.lodestone.mineral.service.PriceService;

import io.smallrye.common.annotation.Blocking;
import org.lodestone.support.rest.QueryParams;

@DatabaseOutageAware
@Path("/prices")
@Produces(MediaType.APPLICATION_JSON)
public class PriceResource {

    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";

    private final PriceService prices;
    private final PriceIngestionService ingestion;

    PriceResource(PriceService prices, PriceIngestionService ingestion) {
        this.prices = prices;
        this.ingestion = ingestion;
    }

    @GET
    public List<PriceDto> list(@QueryParam("ids") String ids, @QueryParam("mineral") String mineral,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("periodType") String periodType) {
        List<Long> keys = QueryParams.longs("ids", ids);
        if (keys != null) {
            return prices.byIds(keys);
        }
        return prices.search(QueryParams.list(mineral), QueryParams.text(from), QueryParams.text(to),
                QueryParams.text(periodType));
    }

    @GET
    @Path("/{id}")
    public PriceDto get(@PathParam("id") String id) {
        return prices.get(QueryParams.id("id", id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "analyst", "admin" })
    public Response record(PriceInput input) {
        if (input == null) {
            throw InvalidInputException.of("body", "a price point is required");
        }
        return Response.status(Response.Status.CREATED).entity(prices.record(input)).build();
    }

    /**
     * Many price points in one request: CSV with a header ({@code mineral,date,period_type,price,unit_currency,
     * series,basis,source}) or one JSON object per line with the same field names. All rows are stored in one
     * transaction, or none is and the answer lists the bad rows.
     */
    @POST
    @Path("/bulk")
    @Consumes({ CSV, NDJSON })
    @RolesAllowed({ "analyst", "admin" })
    @Blocking
    public IngestionResult bulk(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        Format format = MediaType.valueOf(contentType).isCompatible(MediaType.valueOf(CSV)) ? Format.CSV
                : Format.JSON_LINES;
        return ingestion.ingest(body, contentLength, format);
    }
}
