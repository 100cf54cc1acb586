package org.lodestone.mineral.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.lodestone.mineral.AlertKind;

/** One alert from the outbox, as the API returns it. */
public record AlertView(UUID id, long seq, AlertKind kind, OffsetDateTime occurredAt, List<String> countries,
        ExportControlAlertPayload exportControl) {
}
