package org.lodestone.agreement.service;

import org.lodestone.agreement.AgreementStatus;

import io.smallrye.graphql.api.ErrorCode;

/** A status move the agreement life cycle does not allow (GraphQL BAD_USER_INPUT, REST 409). */
@ErrorCode("BAD_USER_INPUT")
public class IllegalStatusTransitionException extends RuntimeException {

    private final AgreementStatus from;
    private final AgreementStatus to;

    public IllegalStatusTransitionException(AgreementStatus from, AgreementStatus to) {
        super("Illegal status transition from " + from + " to " + to + "; allowed from " + from + ": "
                + (from.allowedNext().isEmpty() ? "none (final status)" : from.allowedNext()));
        this.from = from;
        this.to = to;
    }

    public AgreementStatus from() {
        return from;
    }

    public AgreementStatus to() {
        return to;
    }
}
