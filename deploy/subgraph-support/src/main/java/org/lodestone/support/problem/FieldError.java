package org.lodestone.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One rejected input field and why; {@code line} is set for rows of a bulk upload (1-based physical line). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Long line, String field, String reason) {

    public static FieldError of(String field, String reason) {
        return new FieldError(null, field, reason);
    }
}
