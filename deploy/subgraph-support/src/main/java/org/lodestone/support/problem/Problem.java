package org.lodestone.support.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every 4xx answer of the services. {@code type} is always
 * {@code urn:lodestone:problem:<slug>}; {@code errors} names the rejected fields of a 400 and {@code errorCount} says
 * how many there were in all when the list is cut short (bulk uploads).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors, Long errorCount) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:lodestone:problem:";

    public static String type(String slug) {
        return TYPE_PREFIX + slug;
    }
}
