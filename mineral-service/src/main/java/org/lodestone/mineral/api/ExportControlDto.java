package org.lodestone.mineral.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lodestone.support.citation.Citation;

/**
 * Dates are {@code YYYY-MM-DD}, or {@code YYYY-MM} where the source only names the month. {@code status} is
 * derived for today (ANNOUNCED, IN_FORCE, SUSPENDED, ENDED); {@code statusNote} is the source's own wording.
 */
public record ExportControlDto(String id, String imposingCountry, List<String> minerals, List<String> targets,
        boolean targetsAll, @Schema(enumeration = { "ban", "halt", "licence", "suspension" }) String measure,
        String announcedDate, String effectiveDate, String endsDate, String suspends, String status, String statusNote,
        String summary, Citation source) {
}
