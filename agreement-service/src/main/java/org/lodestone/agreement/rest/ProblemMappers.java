package org.lodestone.agreement.rest;

import java.util.List;
import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lodestone.agreement.service.FieldError;
import org.lodestone.agreement.service.ForbiddenOperationException;
import org.lodestone.agreement.service.IllegalStatusTransitionException;
import org.lodestone.agreement.service.InvalidInputException;
import org.lodestone.agreement.service.ResourceNotFoundException;
import org.lodestone.agreement.service.VersionConflictException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Maps the service's own exceptions (and JSON body errors) to problem+json; anything else stays a real error. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return problem(400, "invalid-input", "Invalid input", e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e) {
        return problem(404, "not-found", "Not found", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenOperationException e) {
        return problem(403, "forbidden", "Forbidden", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response versionConflict(VersionConflictException e) {
        return problem(409, "version-conflict", "Version conflict", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response illegalTransition(IllegalStatusTransitionException e) {
        return problem(409, "illegal-status-transition", "Illegal status transition", e.getMessage(),
                List.of(new FieldError("status", "cannot move from " + e.from() + " to " + e.to())));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return problem(400, "malformed-json", "Malformed JSON", e.getOriginalMessage(),
                List.of(new FieldError("body", "is not valid JSON")));
    }

    /**
     * Quarkus REST wraps JSON syntax errors in a 400 WebApplicationException; give those a problem body. Every
     * other WebApplicationException keeps the response it was built with.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof StreamReadException parse) {
            return problem(400, "malformed-json", "Malformed JSON", parse.getOriginalMessage(),
                    List.of(new FieldError("body", "is not valid JSON")));
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadableBody(mapping);
        }
        return e.getResponse();
    }

    @ServerExceptionMapper
    public Response unknownValue(InvalidFormatException e) {
        String field = path(e);
        String allowed = e.getTargetType() != null && e.getTargetType().isEnum()
                ? " (one of " + List.of(e.getTargetType().getEnumConstants()) + ")" : "";
        return problem(400, "invalid-input", "Invalid input", "Cannot read " + field + ": " + e.getValue(),
                List.of(new FieldError(field, "unsupported value '" + e.getValue() + "'" + allowed)));
    }

    /** Replaces Quarkus' built-in mapper for this type, which answers plain JSON instead of a problem. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonMappingException e) {
        String field = path(e);
        return problem(400, "invalid-input", "Invalid input", e.getOriginalMessage(),
                List.of(new FieldError(field.isEmpty() ? "body" : field, "has the wrong shape or type")));
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return problem(415, "unsupported-media-type", "Unsupported media type", "Send application/json", null);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    static Response problem(int status, String type, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_BASE + type, title, status, detail, errors)).build();
    }
}
