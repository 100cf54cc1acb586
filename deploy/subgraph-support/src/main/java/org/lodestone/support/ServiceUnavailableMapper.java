package org.lodestone.support;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** REST: {@link ServiceUnavailableException} is 503 problem+json with a Retry-After hint. */
@Provider
public class ServiceUnavailableMapper implements ExceptionMapper<ServiceUnavailableException> {

    @Override
    public Response toResponse(ServiceUnavailableException exception) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Service Unavailable");
        problem.put("status", 503);
        problem.put("detail", exception.getMessage());
        return Response.status(503).type("application/problem+json").header("Retry-After", "5").entity(problem).build();
    }
}
