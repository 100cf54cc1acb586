package org.lodestone.mineral.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SeedCsvTest {

    @Test
    void rowsByHeaderWithEmptyFieldsAsNull() {
        List<Map<String, String>> rows = SeedCsv.read("seed-test/empty-fields.csv");
        assertEquals(2, rows.size());
        assertEquals("Gallium, refined", rows.get(0).get("name"));
        assertNull(rows.get(0).get("note"));
        assertEquals("by-product", rows.get(1).get("note"));
    }

    @Test
    void missingFileIsAnError() {
        assertThrows(IllegalStateException.class, () -> SeedCsv.read("seed-test/absent.csv"));
    }
}
