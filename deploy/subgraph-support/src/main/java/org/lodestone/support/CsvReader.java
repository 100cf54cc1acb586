package org.lodestone.support;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC 4180 reader: one record at a time, quoted fields may hold commas, doubled quotes and
 * line breaks. It never holds more than the current record, so a large request body is not buffered.
 */
public final class CsvReader {

    /** One record and the physical line it starts on (1-based). */
    public record Row(long line, List<String> fields) {
        public boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    private static final int NONE = -2;

    private final Reader in;
    private long line = 1;
    private int pushedBack = NONE;
    private boolean started;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end of input. */
    public Row next() throws IOException {
        int c = read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean closedQuote = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new CsvFormatException(start, "unterminated quoted field");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        closedQuote = true;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == -1 || c == '\n' || c == '\r') {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        pushedBack = n;
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return new Row(start, fields);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                closedQuote = false;
            } else if (closedQuote) {
                throw new CsvFormatException(line, "unexpected character after a closing quote");
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new CsvFormatException(line, "quote inside an unquoted field");
                }
                quoted = true;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pushedBack != NONE) {
            int c = pushedBack;
            pushedBack = NONE;
            return c;
        }
        return in.read();
    }
}
