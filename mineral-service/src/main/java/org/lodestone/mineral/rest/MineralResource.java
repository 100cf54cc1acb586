package org.lodestone.mineral.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.lodestone.mineral.api.MineralDto;
import org.lodestone.mineral.service.MineralService;
import org.lodestone.support.rest.QueryParams;

@Path("/minerals")
@Produces(MediaType.APPLICATION_JSON)
public class MineralResource {

    private final MineralService minerals;

    MineralResource(MineralService minerals) {
        this.minerals = minerals;
    }

    /** All minerals, or those named in {@code ids=a,b} (unknown ids are left out). */
    @GET
    public List<MineralDto> list(@QueryParam("ids") String ids) {
        List<String> keys = QueryParams.list(ids);
        if (keys == null) {
            return minerals.list();
        }
        var found = minerals.byIds(keys);
        return keys.stream().filter(found::containsKey).map(found::get).toList();
    }

    @GET
    @Path("/{id}")
    public MineralDto get(@PathParam("id") String id) {
        return minerals.get(id);
    }
}
