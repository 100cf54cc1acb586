package org.lodestone.mineral.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lodestone.mineral.csv.CsvReader;

/** Reads a seed CSV from the classpath into rows keyed by header name. Seed files are small. */
final class CsvTable {

    private CsvTable() {
    }

    static List<Map<String, String>> read(String resource) {
        InputStream stream = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Seed file missing from the classpath: " + resource);
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            CsvReader csv = new CsvReader(reader);
            List<String> header = csv.next().fields();
            List<Map<String, String>> rows = new ArrayList<>();
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                if (row.isBlank()) {
                    continue;
                }
                if (row.fields().size() != header.size()) {
                    throw new IllegalStateException(resource + " line " + row.line() + ": " + row.fields().size()
                            + " fields, header has " + header.size());
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String value = row.fields().get(i);
                    values.put(header.get(i), value.isEmpty() ? null : value);
                }
                rows.add(values);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
