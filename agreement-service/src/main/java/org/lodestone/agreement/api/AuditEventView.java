package org.lodestone.agreement.api;

import java.time.OffsetDateTime;

/** {@code before} and {@code after} are JSON documents of the changed record (null for creations). */
public record AuditEventView(
        long id,
        String agreementId,
        String entity,
        String entityId,
        String operation,
        String subject,
        String country,
        OffsetDateTime occurredAt,
        String before,
        String after,
        String reason) {
}
