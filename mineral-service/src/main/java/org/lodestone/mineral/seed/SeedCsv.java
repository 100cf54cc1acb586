package org.lodestone.mineral.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lodestone.support.CsvTable;

/** Reads a seed CSV from the classpath into rows keyed by header name; an empty field is read as null. */
final class SeedCsv {

    private SeedCsv() {
    }

    static List<Map<String, String>> read(String resource) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, String> row : CsvTable.readResource(resource)) {
            Map<String, String> values = new LinkedHashMap<>();
            row.forEach((column, value) -> values.put(column, value.isEmpty() ? null : value));
            rows.add(values);
        }
        return rows;
    }
}
