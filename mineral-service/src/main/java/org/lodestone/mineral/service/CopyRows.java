package org.lodestone.mineral.service;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Rows streamed into one table with PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)} on a connection of the
 * current transaction: rows are encoded into a small buffer and sent as it fills, so memory stays flat whatever the
 * number of rows. The source line of every row sent is kept (four bytes a row), so an error PostgreSQL reports for
 * "COPY line n" can name the line of the upload. Nothing is visible to others before the transaction commits, and a
 * cancelled copy or a rolled-back transaction leaves nothing.
 */
final class CopyRows {

    private static final int FLUSH_AT = 256 * 1024;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private int[] sourceLines = new int[1024];
    private long rows;
    private long sendNanos;

    private CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code COPY table (columns) FROM STDIN} on the transaction's connection. */
    static CopyRows start(Connection connection, String table, String columns) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        return new CopyRows(pg.getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)"));
    }

    /** One row: each value is a String, a Number, a Boolean, a LocalDate (anything whose toString PostgreSQL reads) or null. */
    void row(long sourceLine, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append(',');
            }
            Object value = values[i];
            if (value instanceof String text) {
                quoted(text);
            } else if (value != null) {
                buffer.append(value);
            }
            // null: an unquoted empty field, which CSV COPY reads as NULL
        }
        buffer.append('\n');
        if (rows == sourceLines.length) {
            sourceLines = Arrays.copyOf(sourceLines, sourceLines.length * 2);
        }
        sourceLines[(int) rows++] = (int) Math.min(sourceLine, Integer.MAX_VALUE);
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends what is buffered and ends the copy; returns the number of rows PostgreSQL stored. */
    long finish() throws SQLException {
        flush();
        long t0 = System.nanoTime();
        long stored = copy.endCopy();
        sendNanos += System.nanoTime() - t0;
        return stored;
    }

    /** Abandons the copy: PostgreSQL discards every row sent. */
    void cancel() {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the transaction is rolled back anyway
            }
        }
    }

    long rows() {
        return rows;
    }

    /** Time spent handing rows to PostgreSQL (sending and the final end of the copy). */
    long sendMillis() {
        return sendNanos / 1_000_000;
    }

    /**
     * The upload's line of the row a PostgreSQL error names ("COPY price_point, line 12"), or null when the error
     * names none.
     */
    Long sourceLineOf(SQLException error) {
        if (error instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage message = psql.getServerErrorMessage();
            String where = message.getWhere();
            if (where != null) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(where);
                if (m.find()) {
                    long copyLine = Long.parseLong(m.group(1));
                    if (copyLine >= 1 && copyLine <= rows) {
                        return (long) sourceLines[(int) copyLine - 1];
                    }
                }
            }
        }
        return null;
    }

    private void quoted(String text) {
        buffer.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                buffer.append('"');
            }
            buffer.append(c);
        }
        buffer.append('"');
    }

    private void flush() throws SQLException {
        if (buffer.length() == 0) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        long t0 = System.nanoTime();
        copy.writeToCopy(bytes, 0, bytes.length);
        sendNanos += System.nanoTime() - t0;
    }
}
