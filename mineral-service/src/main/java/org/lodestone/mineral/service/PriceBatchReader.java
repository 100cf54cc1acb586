package org.lodestone.mineral.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.support.CsvFormatException;
import org.lodestone.support.CsvReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.lodestone.support.problem.FieldError;
import org.lodestone.mineral.api.PriceInput;
/**
 * Reads a bulk price body row by row, as CSV with a header row or as one JSON object per line, into price inputs
 * with their line numbers; rows it cannot read become errors, never exceptions, so one upload reports them all.
 */
@ApplicationScoped
public class PriceBatchReader {

    static final List<String> COLUMNS = List.of("mineral", "date", "period_type", "price", "unit_currency", "series",
            "basis", "source");
    private static final Set<String> REQUIRED = Set.of("mineral", "date", "period_type", "price", "unit_currency",
            "source");

    private final ObjectMapper json;

    PriceBatchReader(ObjectMapper json) {
        this.json = json;
    }

    Iterator<LineAndInput> rows(BufferedReader reader, PriceIngestionService.Format format, ErrorSink errors)
            throws IOException {
        return format == PriceIngestionService.Format.CSV ? csvRows(reader, errors) : jsonRows(reader, errors);
    }

    record LineAndInput(long line, PriceInput input) {
    }

    static final class ErrorSink {
        private final int cap;
        final List<FieldError> listed = new ArrayList<>();
        long total;

        ErrorSink(int cap) {
            this.cap = cap;
        }

        void add(FieldError error) {
            total++;
            if (listed.size() < cap) {
                listed.add(error);
            }
        }
    }

    private static Iterator<LineAndInput> csvRows(BufferedReader reader, ErrorSink errors) throws IOException {
        CsvReader csv = new CsvReader(reader);
        CsvReader.Row headerRow;
        try {
            headerRow = csv.next();
        } catch (CsvFormatException e) {
            errors.add(new FieldError(e.line(), null, "malformed CSV header: " + e.getMessage()));
            return List.<LineAndInput>of().iterator();
        }
        if (headerRow == null) {
            return List.<LineAndInput>of().iterator();
        }
        List<String> header = headerRow.fields().stream().map(String::trim).toList();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                errors.add(new FieldError(headerRow.line(), column, "unknown column (expected " + COLUMNS + ")"));
            }
        }
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                errors.add(new FieldError(headerRow.line(), column, "required column missing from the header"));
            }
        }
        if (errors.total > 0) {
            return List.<LineAndInput>of().iterator();
        }
        return new Iterator<>() {
            private LineAndInput next = advance();

            private LineAndInput advance() {
                while (true) {
                    CsvReader.Row row;
                    try {
                        row = csv.next();
                    } catch (CsvFormatException e) {
                        // a broken quote swallows the rest of the input: report it and stop reading
                        errors.add(new FieldError(e.line(), null, "malformed CSV: " + e.getMessage()));
                        return null;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
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
                    BigDecimal price = null;
                    String rawPrice = values.get("price");
                    if (rawPrice != null) {
                        try {
                            price = new BigDecimal(rawPrice);
                        } catch (NumberFormatException e) {
                            errors.add(new FieldError(row.line(), "price", "not a number: '" + rawPrice + "'"));
                            continue;
                        }
                    }
                    return new LineAndInput(row.line(), new PriceInput(values.get("mineral"), values.get("date"),
                            values.get("period_type"), price, values.get("unit_currency"), values.get("series"),
                            values.get("basis"), values.get("source")));
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public LineAndInput next() {
                LineAndInput current = next;
                next = advance();
                return current;
            }
        };
    }

    private Iterator<LineAndInput> jsonRows(BufferedReader reader, ErrorSink errors) {
        return new Iterator<>() {
            private long lineNumber;
            private LineAndInput next = advance();

            private LineAndInput advance() {
                while (true) {
                    String line;
                    try {
                        line = reader.readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (line == null) {
                        return null;
                    }
                    lineNumber++;
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode node;
                    try {
                        node = json.readTree(line);
                    } catch (JsonProcessingException e) {
                        errors.add(new FieldError(lineNumber, null, "malformed JSON: " + e.getOriginalMessage()));
                        continue;
                    }
                    if (node == null || !node.isObject()) {
                        errors.add(new FieldError(lineNumber, null, "each line must be one JSON object"));
                        continue;
                    }
                    boolean ok = true;
                    Iterator<String> names = node.fieldNames();
                    while (names.hasNext()) {
                        String name = names.next();
                        if (!COLUMNS.contains(name)) {
                            errors.add(new FieldError(lineNumber, name, "unknown field (expected " + COLUMNS + ")"));
                            ok = false;
                        }
                    }
                    JsonNode price = node.get("price");
                    if (price != null && !price.isNull() && !price.isNumber()) {
                        errors.add(new FieldError(lineNumber, "price", "must be a JSON number"));
                        ok = false;
                    }
                    if (!ok) {
                        continue;
                    }
                    return new LineAndInput(lineNumber, new PriceInput(text(node, "mineral"), text(node, "date"),
                            text(node, "period_type"), price == null || price.isNull() ? null : price.decimalValue(),
                            text(node, "unit_currency"), text(node, "series"), text(node, "basis"),
                            text(node, "source")));
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public LineAndInput next() {
                LineAndInput current = next;
                next = advance();
                return current;
            }
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
