package org.lodestone.mineral.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lodestone.support.CsvFormatException;
import org.lodestone.support.problem.FieldError;

/**
 * The CSV side of a bulk upload: a header row checked against the columns the upload knows, then data rows of the
 * header's width, read as bytes ({@link CsvBytes}); a row's values are reached by the field index of their column.
 * Malformed rows become errors, never exceptions, so one upload reports them all.
 */
final class BatchCsv {

    private final CsvBytes csv;
    private final int width;
    private final Map<String, Integer> fieldOf;
    private final BatchErrors errors;

    private BatchCsv(CsvBytes csv, List<String> header, BatchErrors errors) {
        this.csv = csv;
        this.width = header.size();
        this.fieldOf = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            fieldOf.put(header.get(i), i); // a repeated column: its last field counts
        }
        this.errors = errors;
    }

    /**
     * Reads and checks the header: every column known, every required one present. Null when the body is empty or
     * the header is wrong (then the errors say why).
     */
    static BatchCsv open(InputStream body, List<String> columns, Collection<String> required, BatchErrors errors)
            throws IOException {
        CsvBytes csv = new CsvBytes(body);
        try {
            if (!csv.next()) {
                return null;
            }
        } catch (CsvFormatException e) {
            errors.add(new FieldError(e.line(), null, "malformed CSV header: " + e.getMessage()));
            return null;
        }
        List<String> header = new ArrayList<>(csv.fields());
        for (int i = 0; i < csv.fields(); i++) {
            header.add(csv.text(i));
        }
        for (String column : header) {
            if (!columns.contains(column)) {
                errors.add(new FieldError(csv.line(), column, "unknown column (expected " + columns + ")"));
            }
        }
        for (String column : required) {
            if (!header.contains(column)) {
                errors.add(new FieldError(csv.line(), column, "required column missing from the header"));
            }
        }
        return errors.none() ? new BatchCsv(csv, header, errors) : null;
    }

    /** The field index of a column in every row, or -1 when the header does not have it. */
    int field(String column) {
        return fieldOf.getOrDefault(column, -1);
    }

    /** Moves to the next data row, skipping blank ones and reporting those of the wrong width; false at the end. */
    boolean next() throws IOException {
        while (true) {
            try {
                if (!csv.next()) {
                    return false;
                }
            } catch (CsvFormatException e) {
                // a broken quote swallows the rest of the input: report it and stop reading
                errors.add(new FieldError(e.line(), null, "malformed CSV: " + e.getMessage()));
                return false;
            }
            if (csv.isBlank()) {
                continue;
            }
            if (csv.fields() != width) {
                errors.add(new FieldError(csv.line(), null, "malformed CSV: " + csv.fields()
                        + " fields, the header has " + width));
                continue;
            }
            return true;
        }
    }

    /** The current row's bytes. */
    CsvBytes row() {
        return csv;
    }

    long line() {
        return csv.line();
    }

    /** The value of a field (decoded, trimmed); null for an empty field or a column the header does not have. */
    String get(int field) {
        return field < 0 || csv.isEmpty(field) ? null : csv.text(field);
    }
}
