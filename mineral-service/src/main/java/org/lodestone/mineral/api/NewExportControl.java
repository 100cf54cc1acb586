package org.lodestone.mineral.api;

import java.util.List;

/**
 * An export control to record. Dates are {@code YYYY-MM-DD} or {@code YYYY-MM}. {@code targets} empty with
 * {@code targetsAll} true means every destination. A suspension ({@code measure = suspension}) names the
 * control it suspends in {@code suspends}.
 */
public record NewExportControl(String id, String imposingCountry, List<String> minerals, List<String> targets,
        Boolean targetsAll, String measure, String announcedDate, String effectiveDate, String endsDate,
        String suspends, String summary, String source, String statusNote) {
}
