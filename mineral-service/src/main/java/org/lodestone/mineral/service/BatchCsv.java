package org.lodestone.mineral.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lodestone.support.CsvFormatException;
import org.lodestone.support.CsvReader;
import org.lodestone.support.problem.FieldError;

/**
 * The CSV side of a bulk upload: a header row checked against the columns the upload knows, then data rows as values
 * by column. Malformed rows become errors, never exceptions, so one upload reports them all.
 */
final class BatchCsv {

    /** A data row: its line, and its values by column name (null for an empty field). */
    record Row(long line, Map<String, String> values) {
        String get(String column) {
            return values.get(column);
        }
    }

    private final CsvReader csv;
    private final List<String> header;
    private final BatchErrors errors;

    private BatchCsv(CsvReader csv, List<String> header, BatchErrors errors) {
        this.csv = csv;
        this.header = header;
        this.errors = errors;
    }

    /**
     * Reads and checks the header: every column known, every required one present. Null when the body is empty or
     * the header is wrong (then the errors say why).
     */
    static BatchCsv open(BufferedReader reader, List<String> columns, Collection<String> required, BatchErrors errors)
            throws IOException {
        CsvReader csv = new CsvReader(reader);
        CsvReader.Row headerRow;
        try {
            headerRow = csv.next();
        } catch (CsvFormatException e) {
            errors.add(new FieldError(e.line(), null, "malformed CSV header: " + e.getMessage()));
            return null;
        }
        if (headerRow == null) {
            return null;
        }
        List<String> header = headerRow.fields().stream().map(String::trim).toList();
        for (String column : header) {
            if (!columns.contains(column)) {
                errors.add(new FieldError(headerRow.line(), column, "unknown column (expected " + columns + ")"));
            }
        }
        for (String column : required) {
            if (!header.contains(column)) {
                errors.add(new FieldError(headerRow.line(), column, "required column missing from the header"));
            }
        }
        return errors.none() ? new BatchCsv(csv, header, errors) : null;
    }

    /** The next data row, skipping blank ones and reporting those of the wrong width; null at the end. */
    Row next() throws IOException {
        while (true) {
            CsvReader.Row row;
            try {
                row = csv.next();
            } catch (CsvFormatException e) {
                // a broken quote swallows the rest of the input: report it and stop reading
                errors.add(new FieldError(e.line(), null, "malformed CSV: " + e.getMessage()));
                return null;
            }
            if (row == null) {
                return null;
            }
            if (row.isBlank()) {
                continue;
            }
            if (row.fields().size() != header.size()) {
                errors.add(new FieldError(row.line(), null, "malformed CSV: " + row.fields().size()
                        + " fields, the header has " + header.size()));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String v = row.fields().get(i).trim();
                values.put(header.get(i), v.isEmpty() ? null : v);
            }
            return new Row(row.line(), values);
        }
    }
}
