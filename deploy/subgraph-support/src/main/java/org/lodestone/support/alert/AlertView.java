package org.lodestone.support.alert;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One alert from an outbox, with the payload of the service that wrote it. */
public record AlertView<P>(UUID id, long seq, AlertKind kind, OffsetDateTime occurredAt, List<String> countries,
        P payload) {
}
