package org.lodestone.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lodestone.agreement.AgreementStatus.DRAFT;
import static org.lodestone.agreement.AgreementStatus.EXPIRED;
import static org.lodestone.agreement.AgreementStatus.IN_FORCE;
import static org.lodestone.agreement.AgreementStatus.NEGOTIATING;
import static org.lodestone.agreement.AgreementStatus.SIGNED;
import static org.lodestone.agreement.AgreementStatus.SUSPENDED;
import static org.lodestone.agreement.AgreementStatus.TERMINATED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The full 7 x 7 matrix: exactly the documented moves are allowed, every other pair is refused. */
class AgreementStatusTest {

    private static final Map<AgreementStatus, Set<AgreementStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(NEGOTIATING),
            NEGOTIATING, EnumSet.of(SIGNED),
            SIGNED, EnumSet.of(IN_FORCE),
            IN_FORCE, EnumSet.of(SUSPENDED, EXPIRED, TERMINATED),
            SUSPENDED, EnumSet.of(IN_FORCE, EXPIRED, TERMINATED),
            EXPIRED, EnumSet.noneOf(AgreementStatus.class),
            TERMINATED, EnumSet.noneOf(AgreementStatus.class));

    @Test
    void exactlyTheDocumentedMovesAreAllowed() {
        int allowed = 0;
        for (AgreementStatus from : AgreementStatus.values()) {
            for (AgreementStatus to : AgreementStatus.values()) {
                boolean expected = ALLOWED.get(from).contains(to);
                assertEquals(expected, from.canMoveTo(to), from + " -> " + to);
                allowed += expected ? 1 : 0;
            }
        }
        assertEquals(9, allowed);
    }
}
