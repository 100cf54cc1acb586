package org.lodestone.support.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One event's delivery to one webhook, with every attempt so far (oldest first). */
public record DeliveryView(UUID id, UUID webhookId, UUID eventId, String eventKind, DeliveryState state,
        OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime completedAt, List<AttemptView> attempts) {

    /** {@code httpStatus} null when no answer came (connection refused, timeout, refused target address). */
    public record AttemptView(int number, OffsetDateTime attemptedAt, Integer httpStatus, String responseExcerpt,
            String error, int durationMillis) {
    }
}
