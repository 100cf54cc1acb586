package org.lodestone.country.rest;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lodestone.country.rest.Problem.FieldProblem;
import org.lodestone.country.service.InvalidInputException;
import org.lodestone.country.service.UnknownKeyException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Turns the exceptions that mean "the caller got something wrong" into RFC 9457 problems. Only these: anything
 * else is a bug and stays a 500.
 */
public class ProblemMappers {

    private static final String INVALID_INPUT = "urn:lodestone:problem:invalid-input";

    @ServerExceptionMapper
    public RestResponse<Problem> invalidInput(InvalidInputException e) {
        return badRequest("The request is not valid.", List.of(new FieldProblem(e.field(), e.reason())));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(violation -> new FieldProblem(fieldOf(violation), violation.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        return badRequest("The request is not valid.", errors);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadableValue(MismatchedInputException e) {
        String field = pathOf(e);
        String reason = e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()
                        ? "must be one of " + List.of(format.getTargetType().getEnumConstants())
                        : "has the wrong type or shape";
        return badRequest("The request body does not match the expected shape.",
                List.of(new FieldProblem(field.isEmpty() ? "body" : field, reason)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> malformedJson(JsonParseException e) {
        return malformedJson((JsonProcessingException) e);
    }

    private static RestResponse<Problem> malformedJson(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return badRequest("The request body does not match the expected shape.",
                    List.of(new FieldProblem(pathOf(mismatched), "has the wrong type or shape")));
        }
        return badRequest("The request body is not well-formed JSON.",
                List.of(new FieldProblem("body", "malformed JSON: " + e.getOriginalMessage())));
    }

    /**
     * The JSON reader reports an unreadable body as a bare 400 WebApplicationException; give it a problem body.
     * Other framework-decided client errors keep their status and get one too; server errors pass through as they are.
     */
    @ServerExceptionMapper
    public Response clientError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status < 400 || status >= 500) {
            return e.getResponse();
        }
        Throwable cause = e.getCause();
        if (status == 400 && cause instanceof JsonProcessingException json) {
            return malformedJson(json).toResponse();
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        Problem body = new Problem("about:blank", type.getReasonPhrase(), status, e.getMessage(), null);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unknownKey(UnknownKeyException e) {
        return problem(Response.Status.NOT_FOUND, "urn:lodestone:problem:not-found", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unknownPath(NotFoundException e) {
        return problem(Response.Status.NOT_FOUND, "urn:lodestone:problem:not-found",
                "No resource at this path.", null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unsupportedMediaType(NotSupportedException e) {
        return problem(Response.Status.UNSUPPORTED_MEDIA_TYPE, "urn:lodestone:problem:unsupported-media-type",
                "This endpoint accepts application/json.", null);
    }

    private static RestResponse<Problem> badRequest(String detail, List<FieldProblem> errors) {
        return problem(Response.Status.BAD_REQUEST, INVALID_INPUT, detail, errors);
    }

    private static RestResponse<Problem> problem(Response.Status status, String type, String detail,
            List<FieldProblem> errors) {
        Problem body = new Problem(type, status.getReasonPhrase(), status.getStatusCode(), detail, errors);
        return RestResponse.ResponseBuilder.create(status, body).type(Problem.MEDIA_TYPE).build();
    }

    /** "record.body.value" names the field "value": the method and parameter names mean nothing to a caller. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY
                    || node.getKind() == ElementKind.PARAMETER) {
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
