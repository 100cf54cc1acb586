package org.lodestone.gateway.console;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The console's login settings, read by the page before it starts: public values only (the issuer and the public
 * client's id), so the route needs no token.
 */
@Path("/console/settings.json")
public class ConsoleSettingsResource {

    @Inject
    ConsoleConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response settings() {
        return Response.ok(Map.of("issuer", config.issuer(), "clientId", config.clientId()))
                .header("Cache-Control", "no-store").build();
    }
}
