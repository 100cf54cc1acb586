package org.lodestone.mineral.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lodestone.mineral.config.MineralConfig;

import io.agroal.api.AgroalDataSource;
import org.lodestone.support.problem.FieldError;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.support.problem.LimitedInputStream;
import org.lodestone.mineral.api.PriceInput;
/**
 * Bulk price ingestion. The body is read as a stream by {@link PriceBatchReader}, every row is validated, and then
 * either all rows are inserted in one transaction with JDBC batches or none is and the bad rows are reported (line,
 * field, reason; the list is capped, the count is not).
 */
@ApplicationScoped
public class PriceIngestionService {

    public enum Format {
        CSV,
        JSON_LINES
    }

    public record IngestionResult(int inserted, long parseMillis, long storeMillis) {
    }

    private final MineralService minerals;
    private final AgroalDataSource dataSource;
    private final PriceBatchReader reader;
    private final MineralConfig config;

    PriceIngestionService(MineralService minerals, AgroalDataSource dataSource, PriceBatchReader reader,
            MineralConfig config) {
        this.minerals = minerals;
        this.dataSource = dataSource;
        this.reader = reader;
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
        PriceBatchReader.ErrorSink errors = new PriceBatchReader.ErrorSink(config.bulk().maxReportedErrors());
        List<PriceInputValidator.ValidPrice> valid = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 64 * 1024)) {
            Iterator<PriceBatchReader.LineAndInput> rows = this.reader.rows(lines, format, errors);
            while (rows.hasNext()) {
                PriceBatchReader.LineAndInput row = rows.next();
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
}
