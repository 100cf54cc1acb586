package org.lodestone.support.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One outbox event as the deliverer reads it (the columns every service's {@code outbox_event} table has). */
public record OutboxRecord(UUID id, String kind, OffsetDateTime occurredAt, String entityType, String entityId,
        List<String> countries, String visibility, List<String> parties, String payloadJson) {
}
