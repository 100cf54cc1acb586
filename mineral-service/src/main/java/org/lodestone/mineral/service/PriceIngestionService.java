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
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import org.lodestone.mineral.config.MineralConfig;

import io.agroal.api.AgroalDataSource;
import org.lodestone.support.problem.FieldError;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.support.problem.LimitedInputStream;
import org.lodestone.mineral.api.PriceInput;
/**
 * Bulk price ingestion. The body is read as a stream by {@link PriceBatchReader}; each row is validated as it is read
 * and, while no row has failed, streamed on into PostgreSQL with {@code COPY} ({@link CopyRows}) inside one
 * transaction. Either every row is stored, or, when any row is bad, the copy is cancelled, the transaction rolled
 * back and the bad rows are reported (line, field, reason; the list is capped, the count is not). Neither the body
 * nor its rows are ever held in memory whole.
 */
@ApplicationScoped
public class PriceIngestionService {

    public enum Format {
        CSV,
        JSON_LINES
    }

    /** {@code parseMillis}: reading and validating (and encoding) the rows; {@code storeMillis}: handing them to PostgreSQL. */
    public record IngestionResult(int inserted, long parseMillis, long storeMillis) {
    }

    private static final String COLUMNS =
            "mineral_id, period, period_type, period_start, price, unit_currency, series, basis, source";

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

    // A large upload on a busy machine outlasts the default 60 s transaction timeout, whose reaper would abort the copy.
    @Transactional
    @TransactionConfiguration(timeout = 1800, timeoutFromConfigProperty = "lodestone.mineral.bulk.transaction-timeout")
    public IngestionResult ingest(InputStream body, Format format) {
        long t0 = System.nanoTime();
        Set<String> known = minerals.knownIds();
        PriceBatchReader.ErrorSink errors = new PriceBatchReader.ErrorSink(config.bulk().maxReportedErrors());
        List<FieldError> rowErrors = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                BufferedReader lines = new BufferedReader(new InputStreamReader(
                        new LimitedInputStream(body, maxBodyBytes()), StandardCharsets.UTF_8), 64 * 1024)) {
            CopyRows copy = CopyRows.start(connection, "price_point", COLUMNS);
            try {
                Iterator<PriceBatchReader.LineAndInput> rows = reader.rows(lines, format, errors);
                while (rows.hasNext()) {
                    PriceBatchReader.LineAndInput row = rows.next();
                    rowErrors.clear();
                    var valid = PriceInputValidator.validate(row.input(), known, row.line(), rowErrors);
                    rowErrors.forEach(errors::add);
                    if (valid.isPresent() && errors.total == 0) {
                        PriceInput in = row.input();
                        copy.row(row.line(), in.mineral(), in.date(), valid.get().type().code(),
                                valid.get().periodStart(), in.price().toPlainString(), in.unitCurrency(), in.series(),
                                in.basis(), in.source());
                    }
                }
                if (errors.total == 0 && copy.rows() == 0) {
                    errors.add(new FieldError(1L, null, "the batch has no rows"));
                }
                if (errors.total > 0) {
                    copy.cancel();
                    throw new InvalidInputException("The batch was rejected: " + errors.total
                            + " problem(s); nothing was stored", errors.listed, errors.total);
                }
                long stored;
                try {
                    stored = copy.finish();
                } catch (SQLException e) {
                    throw rejected(copy, e, "price");
                }
                long total = (System.nanoTime() - t0) / 1_000_000;
                return new IngestionResult((int) stored, total - copy.sendMillis(), copy.sendMillis());
            } catch (SQLException e) {
                throw rejected(copy, e, "price");
            } finally {
                copy.cancel();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Storing the price batch failed", e);
        }
    }

    /** PostgreSQL refused a row the validation let through (a constraint): the row's line and the reason, as input. */
    static RuntimeException rejected(CopyRows copy, SQLException e, String what) {
        copy.cancel();
        Long line = copy.sourceLineOf(e);
        // classes 22 (data exception) and 23 (integrity constraint) are the row's fault; anything else is ours
        if (line == null || e.getSQLState() == null || !e.getSQLState().startsWith("2")) {
            return new IllegalStateException("Storing the " + what + " batch failed", e);
        }
        String reason = e instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null
                ? psql.getServerErrorMessage().getMessage() : e.getMessage();
        return new InvalidInputException("The batch was rejected: 1 problem(s); nothing was stored",
                List.of(new FieldError(line, null, reason)), 1);
    }
}
