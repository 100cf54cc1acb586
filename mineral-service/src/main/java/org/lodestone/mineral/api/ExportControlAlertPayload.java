package org.lodestone.mineral.api;

import java.util.List;

/**
 * What an export-control alert says, as stored in the outbox: the control, its minerals, the coalition members it
 * hits (by the scenario rule) and, for a suspension, the suspension that relaxed it.
 */
public record ExportControlAlertPayload(String exportControl, String imposingCountry, List<String> minerals,
        List<String> hitMembers, String measure, String suspension, String summary) {
}
