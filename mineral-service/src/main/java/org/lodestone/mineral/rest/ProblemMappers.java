package org.lodestone.mineral.rest;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lodestone.mineral.service.DuplicateKeyException;
import org.lodestone.mineral.service.InvalidInputException;
import org.lodestone.mineral.service.PayloadTooLargeException;
import org.lodestone.mineral.service.UnknownKeyException;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Maps the specific failures of bad input to problem+json; anything else stays a server error. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        List<Problem.Error> errors = e.errors().stream()
                .map(f -> new Problem.Error(f.line(), f.field(), f.reason())).toList();
        return respond(new Problem("urn:lodestone:problem:invalid-input", "Invalid input", 400,
                e.getMessage(), errors, e.errorCount()));
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        List<Problem.Error> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.Error(null, leaf(v.getPropertyPath().toString()), v.getMessage())).toList();
        return respond(new Problem("urn:lodestone:problem:invalid-input", "Invalid input", 400,
                "The request breaks " + errors.size() + " rule(s)", errors, (long) errors.size()));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return respond(new Problem("urn:lodestone:problem:malformed-json", "Malformed JSON", 400,
                e.getOriginalMessage(), List.of(new Problem.Error(null, "body", "not valid JSON for this request")), 1L));
    }

    @ServerExceptionMapper
    public Response unknownKey(UnknownKeyException e) {
        return respond(Problem.of(404, "Not found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response duplicate(DuplicateKeyException e) {
        return respond(Problem.of(409, "Conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e) {
        return respond(Problem.of(413, "Payload too large", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return respond(Problem.of(415, "Unsupported media type",
                "Use the content type this endpoint documents (bulk prices: text/csv or application/x-ndjson)"));
    }

    /** Framework 4xx answers (unreadable body, unknown path, ...) keep their status but speak problem+json. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status < 400 || status >= 500) {
            return e.getResponse();
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of(status, title, e.getMessage()));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
