package org.lodestone.mineral.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Each phrasing of the export_controls.csv status notes that states an end or a suspension. */
class StatusNoteReaderTest {

    @Test
    void endDates() {
        assertEquals(Optional.of("2010-11-20"), StatusNoteReader.endDate("ended (GTA removal date 2010-11-20)"));
        assertEquals(Optional.of("2026-11-27"), StatusNoteReader.endDate("suspension valid to 2026-11-27"));
        assertEquals(Optional.of("2025-10"), StatusNoteReader.endDate("replaced by quota regime Oct 2025"));
        assertEquals(Optional.empty(), StatusNoteReader.endDate("in force"));
        assertEquals(Optional.empty(),
                StatusNoteReader.endDate("suspended 2025-11-09 until 2026-11-27 (see EC-2025-SUSP-US)"));
    }

    @Test
    void suspensionReferences() {
        assertEquals(Optional.of("EC-2025-SUSP-US"),
                StatusNoteReader.referencedControl("suspended 2025-11-09 until 2026-11-27 (see EC-2025-SUSP-US)"));
        assertEquals(Optional.of("EC-2025-SUSP-OCT"), StatusNoteReader.referencedControl(
                "0.1% foreign-product rule 2025-12-01 [S25]. Suspended for one year from 2025-11-07 (EC-2025-SUSP-OCT)"));
        assertEquals(Optional.empty(), StatusNoteReader.referencedControl("in force (not covered by Nov-2025 suspension)"));
    }
}
