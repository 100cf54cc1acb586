package org.lodestone.support;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.lodestone.support.problem.Problem;

/**
 * REST: a path or query parameter holding NUL or another control character is refused with 400 problem+json before
 * any resource runs (PostgreSQL rejects NUL in text, which would otherwise surface as a 500).
 */
@Provider
@PreMatching
public class ControlCharacterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        if (hasControlCharacter(path)) {
            request.abortWith(badRequest("The path contains a control character."));
            return;
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            if (hasControlCharacter(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(ControlCharacterFilter::hasControlCharacter)) {
                request.abortWith(badRequest("Query parameter '" + printable(parameter.getKey())
                        + "' contains a control character."));
                return;
            }
        }
    }

    /** C0 controls and DEL; tab, line feed and carriage return are refused too, ids and filters never hold them. */
    public static boolean hasControlCharacter(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(64).forEach(c -> out.append(c < 0x20 || c == 0x7f ? '?' : Character.toString(c)));
        return out.toString();
    }

    private static Response badRequest(String detail) {
        Problem problem = new Problem(Problem.type("invalid-input"), "Bad Request", 400, detail, null, null);
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
