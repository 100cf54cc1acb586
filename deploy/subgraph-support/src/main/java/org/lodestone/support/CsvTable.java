package org.lodestone.support;

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

/**
 * A whole CSV file (RFC 4180, read by {@link CsvReader}) as rows keyed by header name, with the field text as it
 * is; blank lines are skipped. Meant for the small seed files: services apply their own conventions (trimming,
 * empty as null) on top.
 */
public final class CsvTable {

    private CsvTable() {
    }

    /**
     * Reads a UTF-8 CSV resource through the context class loader, which in Quarkus sees the application's
     * resources whatever loader holds this library.
     */
    public static List<Map<String, String>> readResource(String resource) {
        InputStream stream = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Seed file missing from the classpath: " + resource);
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return read(reader, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed file " + resource, e);
        }
    }

    /** Reads all rows; {@code name} only appears in error messages. An empty input has no rows. */
    public static List<Map<String, String>> read(Reader in, String name) throws IOException {
        CsvReader csv = new CsvReader(in);
        CsvReader.Row headerRow = csv.next();
        if (headerRow == null) {
            return List.of();
        }
        List<String> header = headerRow.fields();
        List<Map<String, String>> rows = new ArrayList<>();
        for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
            if (row.isBlank()) {
                continue;
            }
            if (row.fields().size() != header.size()) {
                throw new CsvFormatException(row.line(), name + " line " + row.line() + ": " + row.fields().size()
                        + " fields, header has " + header.size());
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), row.fields().get(i));
            }
            rows.add(values);
        }
        return rows;
    }
}
