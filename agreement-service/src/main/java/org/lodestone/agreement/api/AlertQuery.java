package org.lodestone.agreement.api;

import java.time.OffsetDateTime;
import java.util.List;

import org.lodestone.agreement.AlertKind;

/**
 * A replay request: alerts that occurred after {@code since} (all kept ones when null), of the kinds given (all when
 * null or empty), concerning any of the countries given (a member who names none gets their own country's).
 */
public record AlertQuery(OffsetDateTime since, List<AlertKind> kinds, List<String> countries, Integer limit) {
}
