package org.lodestone.mineral.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.mineral.api.PriceInput;
import org.lodestone.support.problem.FieldError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a bulk price body of one JSON object per line, row by row, into price inputs with their line numbers (the
 * CSV columns are named here too); rows it cannot read become errors, never exceptions, so one upload reports them all.
 */
@ApplicationScoped
public class PriceBatchReader {

    static final List<String> COLUMNS = List.of("mineral", "date", "period_type", "price", "unit_currency", "series",
            "basis", "source");
    static final Set<String> REQUIRED = Set.of("mineral", "date", "period_type", "price", "unit_currency",
            "source");

    /** The rows of one body, read on demand. */
    @FunctionalInterface
    interface Rows {
        /** The next readable row; null at the end. */
        LineAndInput next() throws IOException;
    }

    record LineAndInput(long line, PriceInput input) {
    }

    private final ObjectMapper json;

    PriceBatchReader(ObjectMapper json) {
        this.json = json;
    }

    /** The rows of a JSON-lines body (CSV bodies are read by {@link PriceRowCopier}). */
    Rows jsonLines(BufferedReader reader, BatchErrors errors) {
        return new JsonLines(reader, errors);
    }

    /** One JSON object per line, with the CSV's column names as field names. */
    private final class JsonLines implements Rows {

        private final BufferedReader reader;
        private final BatchErrors errors;
        private long lineNumber;

        JsonLines(BufferedReader reader, BatchErrors errors) {
            this.reader = reader;
            this.errors = errors;
        }

        @Override
        public LineAndInput next() throws IOException {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
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
                if (readable(node)) {
                    JsonNode price = node.get("price");
                    return new LineAndInput(lineNumber, new PriceInput(text(node, "mineral"), text(node, "date"),
                            text(node, "period_type"), price == null || price.isNull() ? null : price.decimalValue(),
                            text(node, "unit_currency"), text(node, "series"), text(node, "basis"),
                            text(node, "source")));
                }
            }
            return null;
        }

        /** Only known fields, and a price that is a number; every problem reported. */
        private boolean readable(JsonNode node) {
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
            return ok;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
