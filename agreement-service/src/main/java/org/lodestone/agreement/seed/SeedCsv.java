package org.lodestone.agreement.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lodestone.support.CsvTable;

/**
 * The agreement seed files' conventions on top of the shared CSV reading: lines starting with # are notes, values
 * are trimmed and an empty value is read as null.
 */
final class SeedCsv {

    private SeedCsv() {
    }

    static List<Map<String, String>> readResource(String resource) {
        try (InputStream in = SeedCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            StringBuilder text = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("#")) {
                    text.append(line).append('\n');
                }
            }
            return parse(text.toString(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, String>> parse(String text, String resource) throws IOException {
        List<Map<String, String>> records = new ArrayList<>();
        for (Map<String, String> row : CsvTable.read(new StringReader(text), resource)) {
            Map<String, String> record = new LinkedHashMap<>();
            row.forEach((column, value) -> {
                String trimmed = value.trim();
                record.put(column, trimmed.isEmpty() ? null : trimmed);
            });
            records.add(record);
        }
        return records;
    }
}
