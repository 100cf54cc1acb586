package org.lodestone.mineral.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lodestone.mineral.config.MineralConfig;
import org.lodestone.support.CsvFormatException;
import org.lodestone.support.CsvReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/**
 * Bulk price ingestion. The body is parsed as a stream (CSV with a header row, or one JSON object per line),
 * every row is validated, and then either all rows are inserted in one transaction with JDBC batches or
 * none is and the bad rows are reported (line, field, reason; the list is capped, the count is not).
 */
@ApplicationScoped
public class PriceIngestionService {

    public enum Format {
        CSV,
        JSON_LINES
    }

    public record IngestionResult(int inserted, long parseMillis, long storeMillis) {
    }

    static final List<String> COLUMNS = List.of("mineral", "date", "period_type", "price", "unit_currency", "series",
            "basis", "source");
    private static final Set<String> REQUIRED = Set.of("mineral", "date", "period_type", "price", "unit_currency",
            "source");

    private final MineralService minerals;
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final MineralConfig config;

    PriceIngestionService(MineralService minerals, AgroalDataSource dataSource, ObjectMapper json, MineralConfig config) {
        this.minerals = minerals;
        this.dataSource = dataSource;
        this.json = json;
        this.config = config;
    }

    public long maxBodyBytes() {
        return config.bulk().maxBodySize().asLongValue();
    }

    public IngestionResult ingest(InputStream body, Format format) {
        long t0 = System.nanoTime();
        List<PriceInputValidator.ValidPrice> rows = parseAndValidate(new LimitedInputStream(body, maxBodyBytes()), format);
        long t1 = System.nanoTime();
        int inserted = store(rows);
        long t2 = System.nanoTime();
        return new IngestionResult(inserted, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    List<PriceInputValidator.ValidPrice> parseAndValidate(InputStream body, Format format) {
        Set<String> known = minerals.knownIds();
        ErrorSink errors = new ErrorSink(config.bulk().maxReportedErrors());
        List<PriceInputValidator.ValidPrice> valid = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 64 * 1024)) {
            Iterator<LineAndInput> rows = format == Format.CSV ? csvRows(reader, errors) : jsonRows(reader, errors);
            while (rows.hasNext()) {
                LineAndInput row = rows.next();
                List<FieldError> rowErrors = new ArrayList<>();
                PriceInputValidator.validate(row.input(), known, row.line(), rowErrors).ifPresent(valid::add);
                rowErrors.forEach(errors::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (errors.total == 0 && valid.isEmpty()) {
            errors.add(new FieldError(1L, null, "the batch has no rows"));
        }
        if (errors.total > 0) {
            throw new InvalidInputException("The batch was rejected: " + errors.total + " problem(s); nothing was stored",
                    errors.listed, errors.total);
        }
        return valid;
    }

    @Transactional
    int store(List<PriceInputValidator.ValidPrice> rows) {
        int batchSize = config.bulk().batchSize();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement("""
                        INSERT INTO price_point (mineral_id, period, period_type, period_start, price, unit_currency,
                                                 series, basis, source)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int pending = 0;
            for (PriceInputValidator.ValidPrice row : rows) {
                PriceInput in = row.input();
                ps.setString(1, in.mineral());
                ps.setString(2, in.date());
                ps.setString(3, row.type().code());
                ps.setObject(4, row.periodStart());
                ps.setBigDecimal(5, in.price());
                ps.setString(6, in.unitCurrency());
                ps.setString(7, in.series());
                ps.setString(8, in.basis());
                ps.setString(9, in.source());
                ps.addBatch();
                if (++pending == batchSize) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
            return rows.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Storing the price batch failed", e);
        }
    }

    private record LineAndInput(long line, PriceInput input) {
    }

    private static final class ErrorSink {
        private final int cap;
        private final List<FieldError> listed = new ArrayList<>();
        private long total;

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
