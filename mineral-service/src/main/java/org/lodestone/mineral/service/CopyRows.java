package org.lodestone.mineral.service;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Rows streamed into one table with PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)} on a connection of the
 * current transaction: rows are encoded as bytes into one reused buffer and sent in 256 KB chunks, so memory stays flat whatever the
 * number of rows. The source line of every row sent is kept (four bytes a row), so an error PostgreSQL reports for
 * "COPY line n" can name the line of the upload. Nothing is visible to others before the transaction commits, and a
 * cancelled copy or a rolled-back transaction leaves nothing.
 */
final class CopyRows {

    private static final int FLUSH_AT = 256 * 1024;
    private static final byte[] TRUE = { 't', 'r', 'u', 'e' };
    private static final byte[] FALSE = { 'f', 'a', 'l', 's', 'e' };

    private final CopyIn copy;
    private byte[] buffer = new byte[FLUSH_AT + 8192];
    private int length;
    private boolean firstField = true;
    private int[] sourceLines = new int[1024];
    private long rows;
    private long sendNanos;

    CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code COPY table (columns) FROM STDIN} on the transaction's connection. */
    static CopyRows start(Connection connection, String table, String columns) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        return new CopyRows(pg.getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)"));
    }

    /** One row: each value is a String, a Number, a Boolean, a LocalDate (anything whose toString PostgreSQL reads) or null. */
    void row(long sourceLine, Object... values) throws SQLException {
        for (Object value : values) {
            if (value instanceof String text) {
                quoted(text);
            } else if (value != null) {
                plain(value.toString());
            } else {
                nullValue();
            }
        }
        endRow(sourceLine);
    }

    // The field-by-field form, for rows checked on their bytes (CsvBytes): fields in column order, then endRow.

    /** A text value that is already CSV-escaped (quotes doubled), as a quoted CSV field keeps it. */
    void quotedEscaped(byte[] bytes, int from, int to) {
        separator(to - from + 2);
        buffer[length++] = '"';
        System.arraycopy(bytes, from, buffer, length, to - from);
        length += to - from;
        buffer[length++] = '"';
    }

    /** A value PostgreSQL reads as it is (a number, a date): bytes without quotes, commas or line breaks. */
    void plain(byte[] bytes, int from, int to) {
        separator(to - from);
        System.arraycopy(bytes, from, buffer, length, to - from);
        length += to - from;
    }

    void plain(byte[] bytes) {
        plain(bytes, 0, bytes.length);
    }

    void bool(boolean value) {
        plain(value ? TRUE : FALSE);
    }

    /** SQL NULL: an unquoted empty field. */
    void nullValue() {
        separator(0);
    }

    /** Ends the row that came from line {@code sourceLine} of the upload; sends the buffer once it is large. */
    void endRow(long sourceLine) throws SQLException {
        ensure(1);
        buffer[length++] = '\n';
        firstField = true;
        if (rows == sourceLines.length) {
            sourceLines = Arrays.copyOf(sourceLines, sourceLines.length * 2);
        }
        sourceLines[(int) rows++] = (int) Math.min(sourceLine, Integer.MAX_VALUE);
        if (length >= FLUSH_AT) {
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
                Matcher m = COPY_LINE.matcher(where);
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

    private static final Pattern COPY_LINE = Pattern.compile("line (\\d+)");

    private void quoted(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        separator(2 * bytes.length + 2);
        buffer[length++] = '"';
        for (byte b : bytes) {
            if (b == '"') {
                buffer[length++] = '"';
            }
            buffer[length++] = b;
        }
        buffer[length++] = '"';
    }

    private void plain(String text) {
        plain(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The comma before every field but the first of a row, and room for {@code room} more bytes. */
    private void separator(int room) {
        ensure(room + 1);
        if (firstField) {
            firstField = false;
        } else {
            buffer[length++] = ',';
        }
    }

    private void ensure(int room) {
        if (length + room > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + room));
        }
    }

    private void flush() throws SQLException {
        if (length == 0) {
            return;
        }
        long t0 = System.nanoTime();
        copy.writeToCopy(buffer, 0, length);
        sendNanos += System.nanoTime() - t0;
        length = 0;
    }
}
