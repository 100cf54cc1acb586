package org.lodestone.mineral.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lodestone.mineral.api.IngestionResult;
import org.lodestone.mineral.config.MineralConfig;
import org.lodestone.support.problem.FieldError;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.support.problem.LimitedInputStream;
import org.lodestone.support.problem.PayloadTooLargeException;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * The contract every bulk upload keeps. The body is read as a stream; each row is validated as it is read and, while
 * no row has failed, streamed on into PostgreSQL with {@code COPY} ({@link CopyRows}) inside one transaction. Either
 * every row is stored, or, when any row is bad, the copy is cancelled, the transaction rolled back and the bad rows
 * are reported (line, field, reason; the list is capped, the count is not). Neither the body nor its rows are ever
 * held in memory whole.
 */
@ApplicationScoped
public class BulkCopy {

    /**
     * Reads the rows of one upload (its body, as bytes), reporting bad ones to {@code errors} and copying good ones
     * while none failed.
     */
    @FunctionalInterface
    interface Rows {
        void copy(InputStream body, BatchErrors errors, CopyRows copy) throws IOException, SQLException;
    }

    /** How an upload's {@code COPY} starts on the transaction's connection (its table, columns and format). */
    @FunctionalInterface
    interface Start {
        CopyRows start(Connection connection) throws SQLException;
    }

    /** What an upload does once every row is stored: in its transaction, on its connection, set-based. */
    @FunctionalInterface
    interface AfterStored {
        AfterStored NOTHING = connection -> {
        };

        void run(Connection connection) throws SQLException;
    }

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final AgroalDataSource dataSource;
    private final MineralConfig config;

    BulkCopy(AgroalDataSource dataSource, MineralConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** A body that declares a length over the limit is refused before a byte of it is read. */
    void refuseOversized(Long declaredLength) {
        long limit = config.bulk().maxBodySize().asLongValue();
        if (declaredLength != null && declaredLength > limit) {
            throw new PayloadTooLargeException(limit);
        }
    }

    // A large upload on a busy machine outlasts the default 60 s transaction timeout, whose reaper would abort the copy.
    @Transactional
    @TransactionConfiguration(timeout = 1800, timeoutFromConfigProperty = "lodestone.mineral.bulk.transaction-timeout")
    IngestionResult copy(InputStream body, String what, Start start, Rows rows, AfterStored afterStored) {
        long t0 = System.nanoTime();
        BatchErrors errors = new BatchErrors(config.bulk().maxReportedErrors());
        try (Connection connection = dataSource.getConnection();
                InputStream limited = new LimitedInputStream(body, config.bulk().maxBodySize().asLongValue())) {
            CopyRows copy = start.start(connection);
            try {
                rows.copy(limited, errors, copy);
                if (errors.none() && copy.rows() == 0) {
                    errors.add(new FieldError(1L, null, "the batch has no rows"));
                }
                if (!errors.none()) {
                    copy.cancel();
                    throw new InvalidInputException("The batch was rejected: " + errors.total
                            + " problem(s); nothing was stored", errors.listed, errors.total);
                }
                long stored = copy.finish();
                long total = (System.nanoTime() - t0) / 1_000_000;
                afterStored.run(connection);
                return new IngestionResult((int) stored, total - copy.sendMillis(), copy.sendMillis());
            } catch (SQLException e) {
                throw rejected(copy, e, what);
            } finally {
                copy.cancel();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Storing the " + what + " batch failed", e);
        }
    }

    /** PostgreSQL refused a row the validation let through (a constraint): the row's line and the reason, as input. */
    private static RuntimeException rejected(CopyRows copy, SQLException e, String what) {
        copy.cancel();
        Long line = copy.sourceLineOf(e);
        String reason = e instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null
                ? psql.getServerErrorMessage().getMessage() : e.getMessage();
        if (line == null && FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
            // price_point's set-based mineral check runs once the rows are in: it names the mineral, not a line (the
            // validation already refused unknown minerals row by row, so this is one deleted while the upload ran)
            return new InvalidInputException("The batch was rejected: 1 problem(s); nothing was stored",
                    List.of(new FieldError(null, "mineral", reason)), 1);
        }
        // classes 22 (data exception) and 23 (integrity constraint) are the row's fault; anything else is ours
        if (line == null || e.getSQLState() == null || !e.getSQLState().startsWith("2")) {
            return new IllegalStateException("Storing the " + what + " batch failed", e);
        }
        return new InvalidInputException("The batch was rejected: 1 problem(s); nothing was stored",
                List.of(new FieldError(line, null, reason)), 1);
    }
}
