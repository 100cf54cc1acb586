package org.lodestone.mineral.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An export control to record. Dates are {@code YYYY-MM-DD} or {@code YYYY-MM}. {@code targets} empty with
 * {@code targetsAll} true means every destination. A suspension ({@code measure = suspension}) names the
 * control it suspends in {@code suspends}. {@code measure} is one of {@link org.lodestone.mineral.ControlMeasure}, in
 * any case; anything else is refused with 400.
 */
public record NewExportControl(String id, String imposingCountry, List<String> minerals, List<String> targets,
        Boolean targetsAll,
        @Schema(enumeration = { "ban", "halt", "licence", "suspension" }, description = """
                What the control does: licence (exports need a licence), ban, halt (an informal stoppage) or \
                suspension (relaxes the control named in suspends for a time).""") String measure,
        String announcedDate, String effectiveDate, String endsDate, String suspends, String summary, String source,
        String statusNote) {
}
