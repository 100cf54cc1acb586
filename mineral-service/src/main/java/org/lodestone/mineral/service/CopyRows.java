package org.lodestone.mineral.service;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Rows streamed into one table with PostgreSQL's {@code COPY ... FROM STDIN} on a connection of the current
 * transaction, as CSV or in COPY's binary format (each value as PostgreSQL stores it, so the server parses no text:
 * {@link #startBinary}): rows are encoded as bytes into one reused buffer and sent in 256 KB chunks, so memory stays
 * flat whatever the number of rows. The source line of every row sent is kept (four bytes a row), so an error PostgreSQL reports for
 * "COPY line n" can name the line of the upload. Nothing is visible to others before the transaction commits, and a
 * cancelled copy or a rolled-back transaction leaves nothing.
 *
 * <p>A binary copy may send its rows in windows sorted by a key the caller gives each row ({@link #endRow(long, long)}):
 * up to {@code sortWindow} rows are held, then sent ordered by key, rows of equal keys in the order they came. Keyed by
 * the table's index, consecutive rows then descend to the same index pages, which PostgreSQL finds still in the CPU's
 * caches; rows of one key keep their order, so ids drawn from a sequence still follow the upload among them. A sorted
 * window is handed to PostgreSQL by another thread while the next window is read and encoded, so the server is not
 * left idle while the service parses and sorts; one window is in flight at most, and the bytes held per copy stay two
 * windows' worth (the one being filled and the one being sent), as before.
 */
final class CopyRows {

    private static final int FLUSH_AT = 256 * 1024;
    /** A sort window is sent early once it holds this many bytes (rows with very long texts). */
    private static final int WINDOW_BYTES = 4 * 1024 * 1024;
    /** The largest sort window: its row numbers fill the low 16 bits of {@link #order}. */
    static final int MAX_SORT_WINDOW = 1 << 16;
    /** Sort keys are below this: the upper bits of {@link #order}. */
    static final long SORT_KEY_LIMIT = 1L << 47;
    private static final byte[] TRUE = { 't', 'r', 'u', 'e' };
    private static final byte[] FALSE = { 'f', 'a', 'l', 's', 'e' };

    private static final byte[] BINARY_SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };
    /** PostgreSQL's dates count days from 2000-01-01. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final int NUMERIC_POSITIVE = 0x0000;
    /**
     * Sends sorted windows while the upload's own thread reads and encodes the next one, so PostgreSQL is not left
     * waiting while the service sorts a window. One window is in flight per copy at most; threads end when idle.
     */
    private static final ExecutorService SENDER = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "copy-rows-sender");
        thread.setDaemon(true);
        return thread;
    });

    private final CopyIn copy;
    /** Fields per row in the binary format; 0 for CSV. */
    private final int binaryFields;
    private byte[] buffer = new byte[FLUSH_AT + 8192];
    private int length;
    private boolean firstField = true;
    private int[] sourceLines = new int[1024];
    private long rows;
    private long sendNanos;

    /** Rows per sort window; 0: rows are sent in the order they come. */
    private final int sortWindow;
    /** Of the rows held in the window: each one's key and number in the window, then its start in the buffer. */
    private long[] order;
    private int[] rowStarts;
    private int[] windowLines;
    private int held;
    /** Where the window's first row starts in the buffer (after the binary header, before the first send). */
    private int windowFrom;
    private byte[] sorted;
    /**
     * The sorted window being sent, by {@link #SENDER}, while the next one is read and encoded into {@link #buffer};
     * null when none is. Until it is done, {@link #sorted} (the bytes it sends) is not touched.
     */
    private Future<?> sending;

    CopyRows(CopyIn copy) {
        this(copy, 0, 0);
    }

    private CopyRows(CopyIn copy, int binaryFields, int sortWindow) {
        this.copy = copy;
        this.binaryFields = binaryFields;
        this.sortWindow = sortWindow;
        if (sortWindow > 0) {
            order = new long[sortWindow];
            rowStarts = new int[sortWindow];
            windowLines = new int[sortWindow];
        }
        if (binaryFields > 0) {
            System.arraycopy(BINARY_SIGNATURE, 0, buffer, 0, BINARY_SIGNATURE.length);
            length = BINARY_SIGNATURE.length;
            int32(0); // flags
            int32(0); // no header extension
            windowFrom = length;
        }
    }

    /** Binary rows of {@code fields} values each, encoded by the typed methods ({@link #text}, {@link #numeric}, ...). */
    static CopyRows binary(CopyIn copy, int fields) {
        return binary(copy, fields, 0);
    }

    /**
     * Binary rows sent in windows of up to {@code sortWindow} rows sorted by the keys given to
     * {@link #endRow(long, long)} (0: in the order they come).
     */
    static CopyRows binary(CopyIn copy, int fields, int sortWindow) {
        if (fields <= 0) {
            throw new IllegalArgumentException("a binary row has at least one field");
        }
        if (sortWindow < 0 || sortWindow > MAX_SORT_WINDOW) {
            throw new IllegalArgumentException("a sort window holds 0 to " + MAX_SORT_WINDOW + " rows");
        }
        return new CopyRows(copy, fields, sortWindow);
    }

    /** Starts {@code COPY table (columns) FROM STDIN (FORMAT csv)} on the transaction's connection. */
    static CopyRows start(Connection connection, String table, String columns) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        return new CopyRows(pg.getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)"));
    }

    /**
     * Starts {@code COPY table (columns) FROM STDIN (FORMAT binary)}: rows of exactly one value per column, written
     * with the typed methods.
     */
    static CopyRows startBinary(Connection connection, String table, String columns) throws SQLException {
        return startBinary(connection, table, columns, 0);
    }

    /** As {@link #startBinary(Connection, String, String)}, rows sent in sorted windows of {@code sortWindow} rows. */
    static CopyRows startBinary(Connection connection, String table, String columns, int sortWindow)
            throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        return binary(pg.getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)"),
                columns.split(",").length, sortWindow);
    }

    /**
     * One CSV row: each value is a String, a Number, a Boolean, a LocalDate (anything whose toString PostgreSQL reads)
     * or null.
     */
    void row(long sourceLine, Object... values) throws SQLException {
        csvOnly();
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
        csvOnly();
        separator(to - from + 2);
        buffer[length++] = '"';
        System.arraycopy(bytes, from, buffer, length, to - from);
        length += to - from;
        buffer[length++] = '"';
    }

    /** A value PostgreSQL reads as it is (a number, a date): bytes without quotes, commas or line breaks. */
    void plain(byte[] bytes, int from, int to) {
        csvOnly();
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

    /** SQL NULL: an unquoted empty field in CSV, length -1 in the binary format. */
    void nullValue() {
        if (binaryFields > 0) {
            binaryField(0);
            int32(-1);
        } else {
            separator(0);
        }
    }

    // The binary format's values: each its length, then the bytes PostgreSQL's receive function of the type reads.

    /** A text value (UTF-8 bytes as they are). */
    void text(byte[] bytes, int from, int to) {
        binaryField(to - from);
        int32(to - from);
        System.arraycopy(bytes, from, buffer, length, to - from);
        length += to - from;
    }

    /** A text value given CSV-escaped (quotes doubled, as {@link CsvBytes} keeps a quoted field): stored unescaped. */
    void textUnescaping(byte[] bytes, int from, int to) {
        binaryField(to - from);
        int at = length;
        length += 4;
        for (int i = from; i < to; i++) {
            buffer[length++] = bytes[i];
            if (bytes[i] == '"' && i + 1 < to && bytes[i + 1] == '"') {
                i++;
            }
        }
        int size = length - at - 4;
        length = at;
        int32(size);
        length += size;
    }

    void text(String value) {
        if (value == null) {
            nullValue();
        } else {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            text(bytes, 0, bytes.length);
        }
    }

    /**
     * A date, from its ISO year, month and day (not checked: the caller passes a real date); returns it as PostgreSQL
     * stores it, in days from 2000-01-01.
     */
    int date(int year, int month, int day) {
        return date(LocalDate.of(year, month, day));
    }

    int date(LocalDate value) {
        int days = Math.toIntExact(value.toEpochDay() - POSTGRES_EPOCH_DAY);
        binaryField(4);
        int32(4);
        int32(days);
        return days;
    }

    /**
     * A numeric, from its plain decimal text in ASCII: digits, optionally a point and more digits (no sign, no
     * exponent). Stored with the scale the text has ("1000.50" keeps its two decimals), as PostgreSQL's numeric_in
     * would store it: base-10000 digit groups aligned on the decimal point, leading and trailing zero groups left out.
     */
    void numeric(byte[] ascii, int from, int to) {
        int point = to;
        for (int i = from; i < to; i++) {
            byte b = ascii[i];
            if (b == '.' && point == to) {
                point = i;
            } else if (b < '0' || b > '9') {
                throw new IllegalArgumentException("not a plain decimal: " + new String(ascii, from, to - from,
                        StandardCharsets.US_ASCII));
            }
        }
        int scale = point == to ? 0 : to - point - 1;
        if (point == from && scale == 0) {
            throw new IllegalArgumentException("not a plain decimal: no digits");
        }
        // group g (0 = the one just left of the point, -1 just right of it, ...) holds the digits at 10^(4g)..10^(4g+3)
        int integerDigits = point - from;
        int highGroup = integerDigits == 0 ? -1 : (integerDigits - 1) / 4;
        int lowGroup = scale == 0 ? 0 : -((scale + 3) / 4);
        int groups = highGroup - lowGroup + 1;
        binaryField(8 + 2 * Math.max(groups, 0));
        int at = length;
        length += 12; // length, ndigits, weight, sign, dscale: written once the digits are known
        int first = Integer.MIN_VALUE;
        int last = Integer.MIN_VALUE;
        int written = 0;
        for (int g = highGroup; g >= lowGroup; g--) {
            int value = 0;
            for (int k = 3; k >= 0; k--) {
                // the digit at 10^(4g+k): left of the point for 4g+k >= 0, else right of it
                int position = 4 * g + k;
                int index = position >= 0 ? point - 1 - position : point - position;
                int digit = index >= from && index < to && index != point ? ascii[index] - '0' : 0;
                value = value * 10 + digit;
            }
            if (value == 0 && written == 0) {
                continue; // a leading zero group
            }
            buffer[length++] = (byte) (value >>> 8);
            buffer[length++] = (byte) value;
            written++;
            if (first == Integer.MIN_VALUE) {
                first = g;
            }
            if (value != 0) {
                last = written;
            }
        }
        int ndigits = last == Integer.MIN_VALUE ? 0 : last; // trailing zero groups dropped
        length = at + 12 + 2 * ndigits;
        int end = length;
        length = at;
        int32(8 + 2 * ndigits);
        int16(ndigits);
        int16(ndigits == 0 ? 0 : first);
        int16(NUMERIC_POSITIVE);
        int16(scale);
        length = end;
    }

    /** Ends the row that came from line {@code sourceLine} of the upload; sends the buffer once it is large. */
    void endRow(long sourceLine) throws SQLException {
        endRow(sourceLine, 0);
    }

    /**
     * Ends the row that came from line {@code sourceLine} of the upload, sorted in its window by {@code sortKey}
     * (0 to {@link #SORT_KEY_LIMIT} - 1; ignored when the copy has no sort window).
     */
    void endRow(long sourceLine, long sortKey) throws SQLException {
        if (binaryFields == 0) {
            ensure(1);
            buffer[length++] = '\n';
        }
        firstField = true;
        int line = (int) Math.min(sourceLine, Integer.MAX_VALUE);
        if (sortWindow > 0) {
            if (sortKey < 0 || sortKey >= SORT_KEY_LIMIT) {
                throw new IllegalArgumentException("sort key out of range: " + sortKey);
            }
            rows++;
            order[held] = sortKey << 16 | held;
            windowLines[held++] = line;
            if (held < sortWindow) {
                rowStarts[held] = length;
            }
            if (held == sortWindow || length - windowFrom >= WINDOW_BYTES) {
                flushWindow();
            }
            return;
        }
        if (rows == sourceLines.length) {
            sourceLines = Arrays.copyOf(sourceLines, sourceLines.length * 2);
        }
        sourceLines[(int) rows++] = line;
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends what is buffered and ends the copy; returns the number of rows PostgreSQL stored. */
    long finish() throws SQLException {
        flushWindow();
        if (binaryFields > 0) {
            ensure(2);
            int16(-1); // the trailer
        }
        flush();
        long t0 = System.nanoTime();
        long stored = copy.endCopy();
        sendNanos += System.nanoTime() - t0;
        return stored;
    }

    /** Abandons the copy: PostgreSQL discards every row sent. */
    void cancel() {
        // the window in flight is let finish first (uninterruptibly: the connection must not be used by two threads);
        // what it failed with is reported by whoever saw it first, and the copy is abandoned either way
        boolean interrupted = false;
        while (sending != null) {
            try {
                sending.get();
                sending = null;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                sending = null;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
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

    /** Time the upload's thread spent waiting for PostgreSQL to take its rows (sends and the final end of the copy). */
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

    // the context PostgreSQL gives a row's error during COPY; a trigger's own "line n" (of its function) is not it
    private static final Pattern COPY_LINE = Pattern.compile("COPY [^,\\n]+, line (\\d+)");

    /** Before each binary value: the row's field count first, and room for the value's length and bytes. */
    private void binaryField(int room) {
        if (binaryFields == 0) {
            throw new IllegalStateException("a binary value in a CSV copy");
        }
        ensure(room + 6);
        if (firstField) {
            firstField = false;
            int16(binaryFields);
        }
    }

    private void csvOnly() {
        if (binaryFields > 0) {
            throw new IllegalStateException("a CSV value in a binary copy");
        }
    }

    private void int16(int value) {
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void int32(int value) {
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

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

    /**
     * Sends the rows held in the sort window ordered by key (equal keys in the order they came), each row's source
     * line recorded in the order sent, which is the order PostgreSQL numbers them in.
     */
    private void flushWindow() throws SQLException {
        if (sortWindow == 0 || held == 0) {
            return;
        }
        Arrays.sort(order, 0, held);
        awaitSent();
        if (sorted == null || sorted.length < length) {
            sorted = new byte[Math.max(length, FLUSH_AT + 8192)];
        }
        System.arraycopy(buffer, 0, sorted, 0, windowFrom); // the binary header, before the first window
        int at = windowFrom;
        long first = rows - held;
        if (rows > sourceLines.length) {
            sourceLines = Arrays.copyOf(sourceLines, (int) Math.max(rows, 2L * sourceLines.length));
        }
        for (int i = 0; i < held; i++) {
            int row = (int) (order[i] & 0xFFFF);
            int from = row == 0 ? windowFrom : rowStarts[row];
            int to = row + 1 < held ? rowStarts[row + 1] : length;
            System.arraycopy(buffer, from, sorted, at, to - from);
            at += to - from;
            sourceLines[(int) first + i] = windowLines[row];
        }
        byte[] window = sorted;
        int size = at;
        sending = SENDER.submit(() -> {
            copy.writeToCopy(window, 0, size);
            return null;
        });
        length = 0;
        held = 0;
        windowFrom = 0;
        rowStarts[0] = 0;
    }

    /** Waits for the window in flight to be handed to PostgreSQL; its failure (a refused row, ...) is thrown here. */
    private void awaitSent() throws SQLException {
        if (sending == null) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            sending.get();
            sending = null;
        } catch (InterruptedException e) {
            // still in flight: cancel() waits for it before abandoning the copy
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while sending rows to COPY", e);
        } catch (ExecutionException e) {
            sending = null;
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            throw new IllegalStateException("sending rows to COPY failed", e.getCause());
        } finally {
            sendNanos += System.nanoTime() - t0;
        }
    }

    private void flush() throws SQLException {
        awaitSent();
        if (length == 0) {
            return;
        }
        long t0 = System.nanoTime();
        copy.writeToCopy(buffer, 0, length);
        sendNanos += System.nanoTime() - t0;
        length = 0;
    }
}
