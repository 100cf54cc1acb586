package org.lodestone.mineral.service;

import java.time.LocalDate;
import java.util.List;

import org.lodestone.mineral.ExportControl;

/**
 * Where an export control stands on a day. A control is in effect on a day when the day lies in [effective, ends]
 * (see {@link ControlPeriod} for month-only dates; the announcement date stands in when no effective date is known)
 * and no suspension of it covers that day.
 */
final class ControlStatus {

    private ControlStatus() {
    }

    static boolean inEffect(ExportControl control, List<ExportControl> suspensions, LocalDate day) {
        return ControlPeriod.covers(startOf(control), control.endsDate, day)
                && suspensions.stream().noneMatch(s -> ControlPeriod.covers(startOf(s), s.endsDate, day));
    }

    /** ANNOUNCED, IN_FORCE, SUSPENDED or ENDED on that day. */
    static String on(LocalDate day, ExportControl control, List<ExportControl> suspensions) {
        LocalDate start = ControlPeriod.start(startOf(control));
        LocalDate ends = ControlPeriod.start(control.endsDate);
        if (ends != null && day.isAfter(ends)) {
            return "ENDED";
        }
        if (start != null && day.isBefore(start)) {
            return "ANNOUNCED";
        }
        if (suspensions.stream().anyMatch(s -> ControlPeriod.covers(startOf(s), s.endsDate, day))) {
            return "SUSPENDED";
        }
        return "IN_FORCE";
    }

    private static String startOf(ExportControl control) {
        return control.effectiveDate != null ? control.effectiveDate : control.announcedDate;
    }
}
