package org.lodestone.agreement.service;

import java.util.List;

import org.lodestone.agreement.AgreementStatus;
import org.lodestone.support.problem.ConflictException;
import org.lodestone.support.problem.FieldError;

import io.smallrye.graphql.api.ErrorCode;

/** A status move the agreement life cycle does not allow (GraphQL BAD_USER_INPUT, REST 409). */
@ErrorCode("BAD_USER_INPUT")
public class IllegalStatusTransitionException extends ConflictException {

    public IllegalStatusTransitionException(AgreementStatus from, AgreementStatus to) {
        super("illegal-status-transition", "Illegal status transition from " + from + " to " + to
                + "; allowed from " + from + ": "
                + (from.allowedNext().isEmpty() ? "none (final status)" : from.allowedNext()),
                List.of(FieldError.of("status", "cannot move from " + from + " to " + to)));
    }
}
