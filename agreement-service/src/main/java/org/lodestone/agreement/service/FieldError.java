package org.lodestone.agreement.service;

/** One rejected input field and why. */
public record FieldError(String field, String reason) {
}
