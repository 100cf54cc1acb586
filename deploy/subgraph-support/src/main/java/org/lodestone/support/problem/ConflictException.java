package org.lodestone.support.problem;

import java.util.List;

/**
 * The request is well-formed but clashes with the current state (a key that exists, a stale version, a move the
 * life cycle forbids): REST 409. Subclasses name the kind of conflict as the problem type's slug and carry their own
 * GraphQL error code.
 */
public class ConflictException extends RuntimeException {

    private final String slug;
    private final transient List<FieldError> errors;

    public ConflictException(String message) {
        this("conflict", message, List.of());
    }

    protected ConflictException(String slug, String message, List<FieldError> errors) {
        super(message);
        this.slug = slug;
        this.errors = List.copyOf(errors);
    }

    public String slug() {
        return slug;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
