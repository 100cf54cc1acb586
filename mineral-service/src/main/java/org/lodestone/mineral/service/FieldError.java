package org.lodestone.mineral.service;

/** One reason an input was refused; {@code line} is set for bulk rows (1-based physical line). */
public record FieldError(Long line, String field, String reason) {

    public static FieldError of(String field, String reason) {
        return new FieldError(null, field, reason);
    }
}
