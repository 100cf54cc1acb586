package org.lodestone.support;

/** A line that is not valid CSV (RFC 4180); carries the 1-based line where the problem is. */
public class CsvFormatException extends RuntimeException {

    private final long line;

    public CsvFormatException(long line, String reason) {
        super(reason);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
