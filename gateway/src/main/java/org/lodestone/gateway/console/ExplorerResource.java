package org.lodestone.gateway.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code /explorer} is a view of the single-page console, which keeps the session's tokens in its memory. */
@Path("/explorer")
public class ExplorerResource {

    @GET
    public Response explorer() {
        return Response.status(Response.Status.SEE_OTHER).header("Location", "/#/explorer").build();
    }
}
