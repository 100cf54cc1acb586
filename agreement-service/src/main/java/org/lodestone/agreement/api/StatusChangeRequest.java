package org.lodestone.agreement.api;

import org.lodestone.agreement.AgreementStatus;

/** REST body of a status change: the new status, the version it was read at (unless sent as If-Match), why. */
public record StatusChangeRequest(AgreementStatus status, Integer expectedVersion, String reason) {
}
