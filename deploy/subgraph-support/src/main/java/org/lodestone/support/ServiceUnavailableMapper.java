package org.lodestone.support;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.lodestone.support.problem.Problem;

/** REST: {@link ServiceUnavailableException} is 503 problem+json with a Retry-After hint. */
@Provider
public class ServiceUnavailableMapper implements ExceptionMapper<ServiceUnavailableException> {

    @Override
    public Response toResponse(ServiceUnavailableException exception) {
        Problem problem = new Problem(Problem.type("service-unavailable"), "Service Unavailable", 503,
                exception.getMessage(), null, null);
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5").entity(problem).build();
    }
}
