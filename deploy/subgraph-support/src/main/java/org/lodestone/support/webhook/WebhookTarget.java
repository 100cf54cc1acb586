package org.lodestone.support.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A registered webhook, without its secret. {@code ownerCountry} is the country of the member who registered it, or
 * null for one an admin registered; {@code countries} empty means events concerning any country.
 */
public record WebhookTarget(UUID id, String url, List<String> kinds, List<String> countries, String ownerCountry,
        String createdBy, OffsetDateTime createdAt) {

    public boolean adminRegistered() {
        return ownerCountry == null;
    }

    /** Kind and countries match; the service's {@link WebhookAudience} still decides on visibility. */
    public boolean matches(OutboxRecord event) {
        return kinds.contains(event.kind()) && !event.occurredAt().isBefore(createdAt)
                && (countries.isEmpty() || event.countries().stream().anyMatch(countries::contains));
    }
}
