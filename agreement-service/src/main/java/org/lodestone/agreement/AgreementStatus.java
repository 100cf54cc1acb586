package org.lodestone.agreement;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life cycle of an agreement: DRAFT -> NEGOTIATING -> SIGNED -> IN_FORCE -> (SUSPENDED <-> IN_FORCE) -> EXPIRED | TERMINATED.
 *
 * <p>The in-force phase includes suspension, so an agreement can also expire or be terminated while suspended
 * (a suspended deal is often ended without first being revived). EXPIRED and TERMINATED are final. No step may
 * be skipped (a draft cannot jump to IN_FORCE) and "moving" to the current status is refused as well, so every
 * accepted move changes something and leaves an audit event.
 */
public enum AgreementStatus {
    DRAFT, NEGOTIATING, SIGNED, IN_FORCE, SUSPENDED, EXPIRED, TERMINATED;

    public Set<AgreementStatus> allowedNext() {
        return switch (this) {
            case DRAFT -> EnumSet.of(NEGOTIATING);
            case NEGOTIATING -> EnumSet.of(SIGNED);
            case SIGNED -> EnumSet.of(IN_FORCE);
            case IN_FORCE -> EnumSet.of(SUSPENDED, EXPIRED, TERMINATED);
            case SUSPENDED -> EnumSet.of(IN_FORCE, EXPIRED, TERMINATED);
            case EXPIRED, TERMINATED -> EnumSet.noneOf(AgreementStatus.class);
        };
    }

    public boolean canMoveTo(AgreementStatus next) {
        return allowedNext().contains(next);
    }

    /** Statuses in which an agreement has been signed, so a signing date is expected. */
    public boolean isSigned() {
        return this != DRAFT && this != NEGOTIATING;
    }
}
