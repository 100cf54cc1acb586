package org.lodestone.mineral.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.lodestone.mineral.api.ExportControlDto;
import org.lodestone.mineral.api.ExportControlFilter;
import org.lodestone.mineral.service.ExportControlService;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.mineral.api.NewExportControl;

import io.quarkus.security.identity.SecurityIdentity;
import org.lodestone.support.rest.QueryParams;

@Path("/export-controls")
@Produces(MediaType.APPLICATION_JSON)
public class ExportControlResource {

    private final ExportControlService controls;
    private final SecurityIdentity identity;

    ExportControlResource(ExportControlService controls, SecurityIdentity identity) {
        this.controls = controls;
        this.identity = identity;
    }

    @GET
    public List<ExportControlDto> list(@QueryParam("ids") String ids,
            @QueryParam("imposingCountry") String imposingCountry, @QueryParam("mineral") String mineral,
            @QueryParam("target") String target, @QueryParam("activeOn") String activeOn) {
        List<String> keys = QueryParams.list(ids);
        if (keys != null) {
            var found = controls.byIds(keys);
            return keys.stream().filter(found::containsKey).map(found::get).toList();
        }
        return controls.search(new ExportControlFilter(QueryParams.text(imposingCountry), QueryParams.text(mineral),
                QueryParams.text(target), QueryParams.date("activeOn", activeOn)));
    }

    @GET
    @Path("/{id}")
    public ExportControlDto get(@PathParam("id") String id) {
        return controls.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "analyst", "admin" })
    public Response record(NewExportControl input) {
        if (input == null) {
            throw InvalidInputException.of("body", "an export control is required");
        }
        ExportControlDto created = controls.record(input, identity.getPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }
}
