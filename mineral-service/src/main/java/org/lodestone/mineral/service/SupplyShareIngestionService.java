package org.lodestone.mineral.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.config.MineralConfig;
import org.lodestone.support.CsvFormatException;
import org.lodestone.support.CsvReader;
import org.lodestone.support.problem.FieldError;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.support.problem.LimitedInputStream;

import io.agroal.api.AgroalDataSource;

/**
 * Bulk supply shares, in the seed data's CSV shape ({@code mineral,stage,country_iso2,share_pct,year,basis,source,note};
 * the dataset and the projection flag follow from the basis, as in the seed import). Same contract as the bulk price
 * upload: validated row by row while streaming into PostgreSQL with {@code COPY} in one transaction; one bad row
 * anywhere (including a row that repeats a stored mineral, stage, country, year and basis) and nothing is stored.
 */
@ApplicationScoped
public class SupplyShareIngestionService {

    public record IngestionResult(int inserted, long parseMillis, long storeMillis) {
    }

    static final List<String> COLUMNS = List.of("mineral", "stage", "country_iso2", "share_pct", "year", "basis",
            "source", "note");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}|ROW|WORLD");
    private static final String TABLE_COLUMNS =
            "mineral_id, stage, country_code, share_pct, year, dataset, basis, projection, source, note";

    private final MineralService minerals;
    private final AgroalDataSource dataSource;
    private final MineralConfig config;

    SupplyShareIngestionService(MineralService minerals, AgroalDataSource dataSource, MineralConfig config) {
        this.minerals = minerals;
        this.dataSource = dataSource;
        this.config = config;
    }

    public long maxBodyBytes() {
        return config.bulk().maxBodySize().asLongValue();
    }

    // A large upload on a busy machine outlasts the default 60 s transaction timeout, whose reaper would abort the copy.
    @Transactional
    @TransactionConfiguration(timeout = 1800, timeoutFromConfigProperty = "lodestone.mineral.bulk.transaction-timeout")
    public IngestionResult ingest(InputStream body) {
        long t0 = System.nanoTime();
        Set<String> known = minerals.knownIds();
        PriceBatchReader.ErrorSink errors = new PriceBatchReader.ErrorSink(config.bulk().maxReportedErrors());
        try (Connection connection = dataSource.getConnection();
                BufferedReader lines = new BufferedReader(new InputStreamReader(
                        new LimitedInputStream(body, maxBodyBytes()), StandardCharsets.UTF_8), 64 * 1024)) {
            CopyRows copy = CopyRows.start(connection, "supply_share", TABLE_COLUMNS);
            try {
                copyRows(new CsvReader(lines), known, errors, copy);
                if (errors.total == 0 && copy.rows() == 0) {
                    errors.add(new FieldError(1L, null, "the batch has no rows"));
                }
                if (errors.total > 0) {
                    copy.cancel();
                    throw new InvalidInputException("The batch was rejected: " + errors.total
                            + " problem(s); nothing was stored", errors.listed, errors.total);
                }
                long stored = copy.finish();
                long total = (System.nanoTime() - t0) / 1_000_000;
                return new IngestionResult((int) stored, total - copy.sendMillis(), copy.sendMillis());
            } catch (SQLException e) {
                throw PriceIngestionService.rejected(copy, e, "supply-share");
            } finally {
                copy.cancel();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Storing the supply-share batch failed", e);
        }
    }

    private static void copyRows(CsvReader csv, Set<String> known, PriceBatchReader.ErrorSink errors, CopyRows copy)
            throws IOException, SQLException {
        CsvReader.Row headerRow;
        try {
            headerRow = csv.next();
        } catch (CsvFormatException e) {
            errors.add(new FieldError(e.line(), null, "malformed CSV header: " + e.getMessage()));
            return;
        }
        if (headerRow == null) {
            return;
        }
        List<String> header = headerRow.fields().stream().map(String::trim).toList();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                errors.add(new FieldError(headerRow.line(), column, "unknown column (expected " + COLUMNS + ")"));
            }
        }
        for (String column : COLUMNS) {
            if (!column.equals("note") && !header.contains(column)) {
                errors.add(new FieldError(headerRow.line(), column, "required column missing from the header"));
            }
        }
        if (errors.total > 0) {
            return;
        }
        int[] at = COLUMNS.stream().mapToInt(header::indexOf).toArray();
        List<FieldError> found = new ArrayList<>();
        while (true) {
            CsvReader.Row row;
            try {
                row = csv.next();
            } catch (CsvFormatException e) {
                errors.add(new FieldError(e.line(), null, "malformed CSV: " + e.getMessage()));
                return;
            }
            if (row == null) {
                return;
            }
            if (row.isBlank()) {
                continue;
            }
            if (row.fields().size() != header.size()) {
                errors.add(new FieldError(row.line(), null, "malformed CSV: " + row.fields().size()
                        + " fields, the header has " + header.size()));
                continue;
            }
            String[] v = new String[COLUMNS.size()];
            for (int i = 0; i < v.length; i++) {
                String text = at[i] < 0 ? null : row.fields().get(at[i]).trim();
                v[i] = text == null || text.isEmpty() ? null : text;
            }
            found.clear();
            long line = row.line();
            if (v[0] == null) {
                found.add(new FieldError(line, "mineral", "is required"));
            } else if (!known.contains(v[0])) {
                found.add(new FieldError(line, "mineral", "unknown mineral '" + v[0] + "'"));
            }
            String stage = v[1] == null ? null : v[1].toUpperCase(Locale.ROOT);
            if (!"MINING".equals(stage) && !"REFINING".equals(stage)) {
                found.add(new FieldError(line, "stage", "must be mining or refining"));
            }
            if (v[2] == null || !COUNTRY.matcher(v[2]).matches()) {
                found.add(new FieldError(line, "country_iso2", "must be an upper-case ISO 3166 alpha-2 code, ROW or WORLD"));
            }
            Double share = null;
            try {
                share = v[3] == null ? null : Double.valueOf(v[3]);
            } catch (NumberFormatException e) {
                // reported below
            }
            if (share == null || share.isNaN() || share < 0 || share > 100) {
                found.add(new FieldError(line, "share_pct", "must be a number from 0 to 100"));
            }
            Integer year = null;
            try {
                year = v[4] == null ? null : Integer.valueOf(v[4]);
            } catch (NumberFormatException e) {
                // reported below
            }
            if (year == null || year < 1900 || year > 2100) {
                found.add(new FieldError(line, "year", "must be a year from 1900 to 2100"));
            }
            Dataset dataset = null;
            if (v[5] == null) {
                found.add(new FieldError(line, "basis", "is required"));
            } else {
                try {
                    dataset = Dataset.fromBasis(v[5]);
                } catch (IllegalArgumentException e) {
                    found.add(new FieldError(line, "basis", e.getMessage()));
                }
            }
            if (v[6] == null) {
                found.add(new FieldError(line, "source", "is required: every fact keeps its source"));
            }
            found.forEach(errors::add);
            if (found.isEmpty() && errors.total == 0) {
                copy.row(line, v[0], stage, v[2], share, year, dataset.name(), v[5], Dataset.isProjection(v[5]), v[6],
                        v[7]);
            }
        }
    }
}
