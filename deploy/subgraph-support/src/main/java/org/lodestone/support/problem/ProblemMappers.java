package org.lodestone.support.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Turns the exceptions that mean "the caller got something wrong" into RFC 9457 problems, the same in every service.
 * Only these: anything else is a bug and stays a 500.
 */
public class ProblemMappers {

    private static final String BODY_SHAPE = "The request body does not match the expected shape.";

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return respond(Response.Status.BAD_REQUEST, "invalid-input", e.getMessage(), e.errors(), e.errorCount());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> FieldError.of(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(Response.Status.BAD_REQUEST, "invalid-input",
                "The request breaks " + errors.size() + " rule(s).", errors, (long) errors.size());
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e) {
        return respond(Response.Status.NOT_FOUND, "not-found", e.getMessage(), null, null);
    }

    @ServerExceptionMapper
    public Response unknownPath(NotFoundException e) {
        return respond(Response.Status.NOT_FOUND, "not-found", "No resource at this path.", null, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Response.Status.FORBIDDEN, "forbidden", e.getMessage(), null, null);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return respond(Response.Status.CONFLICT, e.slug(), e.getMessage(), e.errors().isEmpty() ? null : e.errors(),
                null);
    }

    @ServerExceptionMapper
    public Response payloadTooLarge(PayloadTooLargeException e) {
        return respond(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", e.getMessage(), null, null);
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return respond(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "This endpoint does not accept the request's content type; /q/openapi lists the ones it does.",
                null, null);
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return jsonProblem(e);
    }

    /** Replaces Quarkus' built-in mapper for this type, which answers plain JSON instead of a problem. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return jsonProblem(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return jsonProblem(e);
    }

    /**
     * The JSON reader reports an unreadable body as a bare 400 WebApplicationException; give it a problem body.
     * Other framework-decided client errors keep their status and get one too; the rest pass through as they are.
     */
    @ServerExceptionMapper
    public Response clientError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status < 400 || status >= 500) {
            return e.getResponse();
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return respond(status, title, slug, e.getMessage(), null, null);
    }

    public static Response respond(Response.Status status, String slug, String detail, List<FieldError> errors,
            Long errorCount) {
        return respond(status.getStatusCode(), status.getReasonPhrase(), slug, detail, errors, errorCount);
    }

    private static Response respond(int status, String title, String slug, String detail, List<FieldError> errors,
            Long errorCount) {
        Problem body = new Problem(Problem.type(slug), title, status, detail, errors, errorCount);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static Response jsonProblem(JsonProcessingException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return bodyField(pathOf(format), "must be one of " + List.of(format.getTargetType().getEnumConstants())
                    + ", not '" + format.getValue() + "'");
        }
        if (e instanceof MismatchedInputException mismatched) {
            return bodyField(pathOf(mismatched), "has the wrong type or shape");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return bodyField(pathOf(mapping), "has the wrong type or shape");
        }
        return respond(Response.Status.BAD_REQUEST, "malformed-json", "The request body is not well-formed JSON.",
                List.of(FieldError.of("body", "malformed JSON: " + e.getOriginalMessage())), 1L);
    }

    private static Response bodyField(String path, String reason) {
        return respond(Response.Status.BAD_REQUEST, "invalid-input", BODY_SHAPE,
                List.of(FieldError.of(path.isEmpty() ? "body" : path, reason)), 1L);
    }

    /** "create.body.value" names the field "value": method and parameter names mean nothing to a caller. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
                field = node.getName();
            }
        }
        return field == null ? violation.getPropertyPath().toString() : field;
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
