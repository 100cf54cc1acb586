package org.lodestone.support.alert;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A replay request: alerts that occurred after {@code since} (all kept ones when null), of the kinds given (all when
 * null or empty), concerning any of the countries given (see {@link AlertAudience#countries} for the default), at
 * most {@code limit} ({@link OutboxAlerts#MAX_LIMIT} when null).
 */
public record AlertQuery(OffsetDateTime since, List<AlertKind> kinds, List<String> countries, Integer limit) {

    /** The same filter for a live subscription, where neither {@code since} nor {@code limit} applies. */
    public static AlertQuery live(List<AlertKind> kinds, List<String> countries) {
        return new AlertQuery(null, kinds, countries, null);
    }
}
