package org.lodestone.mineral.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.lodestone.support.CsvFormatException;

/**
 * RFC 4180 records read straight from the bytes of a UTF-8 body, the rules of {@link org.lodestone.support.CsvReader}
 * (quoted fields may hold commas, doubled quotes and line breaks; a byte-order mark at the start is skipped; records
 * end at LF, CR or CRLF) without decoding a character or making a String per field: a record is a list of byte ranges
 * in {@link #bytes()}, valid until the next call to {@link #next()}. Every structural character of CSV is ASCII, and no
 * byte of a multi-byte UTF-8 sequence is, so the split is the same as on the decoded text. Each field's range is
 * trimmed as {@link String#trim()} trims the decoded field (bytes up to 0x20), and the content of a quoted field is
 * kept in its escaped form (quotes still doubled), which is also how a CSV {@code COPY} wants it.
 */
final class CsvBytes {

    private static final int READ_SIZE = 256 * 1024;

    private final InputStream in;
    private byte[] buffer = new byte[2 * READ_SIZE];
    private int position;
    private int limit;
    private boolean eof;
    private boolean started;
    private long line = 1;

    private long recordLine;
    private int recordStart;
    private int fieldStart;
    private int fieldCount;
    private int[] rawStarts = new int[16];
    private int[] rawEnds = new int[16];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] escaped = new boolean[16];
    private boolean ascii;

    CsvBytes(InputStream in) {
        this.in = in;
    }

    /** Reads the next record; false at the end of the input. Throws {@link CsvFormatException} on broken quoting. */
    boolean next() throws IOException {
        recordStart = position;
        fieldCount = 0;
        if (!started) {
            started = true;
            if (available(3) >= 3 && buffer[position] == (byte) 0xEF && buffer[position + 1] == (byte) 0xBB
                    && buffer[position + 2] == (byte) 0xBF) {
                position += 3;
                recordStart = position;
            }
        }
        if (available(1) == 0) {
            return false;
        }
        recordLine = line;
        int orBits = 0;
        while (true) {
            // one field; the position sits on its first byte (or on the end of the input)
            fieldStart = position;
            if (available(1) > 0 && buffer[position] == '"') {
                position++;
                boolean doubled = false;
                while (true) {
                    if (position == limit && available(1) == 0) {
                        throw new CsvFormatException(recordLine, "unterminated quoted field");
                    }
                    byte b = buffer[position];
                    orBits |= b;
                    if (b == '"') {
                        if (available(2) >= 2 && buffer[position + 1] == '"') {
                            doubled = true;
                            position += 2;
                            continue;
                        }
                        break;
                    }
                    if (b == '\n') {
                        line++;
                    }
                    position++;
                }
                addField(fieldStart + 1, position, doubled);
                position++; // the closing quote
                if (available(1) == 0) {
                    break;
                }
                byte after = buffer[position];
                if (after == ',') {
                    position++;
                    continue;
                }
                if (after == '\n' || after == '\r') {
                    endOfLine();
                    break;
                }
                throw new CsvFormatException(line, "unexpected character after a closing quote");
            }
            while (true) {
                if (position == limit && available(1) == 0) {
                    addField(fieldStart, position, false);
                    ascii = orBits >= 0;
                    return true;
                }
                byte b = buffer[position];
                if (b == ',' || b == '\n' || b == '\r' || b == '"') {
                    break;
                }
                orBits |= b;
                position++;
            }
            byte b = buffer[position];
            if (b == '"') {
                throw new CsvFormatException(line, "quote inside an unquoted field");
            }
            addField(fieldStart, position, false);
            if (b == ',') {
                position++;
                continue;
            }
            endOfLine();
            break;
        }
        ascii = orBits >= 0;
        return true;
    }

    /** The position is on a CR or LF: counts the line and steps over it (CRLF as one). */
    private void endOfLine() throws IOException {
        byte b = buffer[position++];
        line++;
        if (b == '\r' && available(1) > 0 && buffer[position] == '\n') {
            position++;
        }
    }

    private void addField(int start, int end, boolean doubled) {
        if (fieldCount == starts.length) {
            rawStarts = Arrays.copyOf(rawStarts, fieldCount * 2);
            rawEnds = Arrays.copyOf(rawEnds, fieldCount * 2);
            starts = Arrays.copyOf(starts, fieldCount * 2);
            ends = Arrays.copyOf(ends, fieldCount * 2);
            escaped = Arrays.copyOf(escaped, fieldCount * 2);
        }
        rawStarts[fieldCount] = start;
        rawEnds[fieldCount] = end;
        while (start < end && (buffer[start] & 0xff) <= ' ') {
            start++;
        }
        while (end > start && (buffer[end - 1] & 0xff) <= ' ') {
            end--;
        }
        starts[fieldCount] = start;
        ends[fieldCount] = end;
        escaped[fieldCount] = doubled;
        fieldCount++;
    }

    /**
     * At least {@code n} bytes from the position if the input has them: reads on, first moving the current record to
     * the front of a full buffer (or growing the buffer when the record fills it). Returns how many are there, up to n.
     */
    private int available(int n) throws IOException {
        while (limit - position < n && !eof) {
            if (limit == buffer.length) {
                int keep = recordStart;
                if (keep == 0) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                } else {
                    System.arraycopy(buffer, keep, buffer, 0, limit - keep);
                    limit -= keep;
                    position -= keep;
                    recordStart = 0;
                    fieldStart -= keep;
                    for (int i = 0; i < fieldCount; i++) {
                        rawStarts[i] -= keep;
                        rawEnds[i] -= keep;
                        starts[i] -= keep;
                        ends[i] -= keep;
                    }
                }
            }
            int read = in.read(buffer, limit, Math.min(READ_SIZE, buffer.length - limit));
            if (read < 0) {
                eof = true;
            } else {
                limit += read;
            }
        }
        return Math.min(n, limit - position);
    }

    /** The physical line the record starts on (1-based). */
    long line() {
        return recordLine;
    }

    int fields() {
        return fieldCount;
    }

    byte[] bytes() {
        return buffer;
    }

    /** Start of the field's trimmed content in {@link #bytes()}. */
    int start(int field) {
        return starts[field];
    }

    /** End (exclusive) of the field's trimmed content. */
    int end(int field) {
        return ends[field];
    }

    boolean isEmpty(int field) {
        return starts[field] == ends[field];
    }

    /** True when the content holds doubled quotes, which {@link #text} turns into single ones. */
    boolean escaped(int field) {
        return escaped[field];
    }

    /** True when every byte of the record is ASCII. */
    boolean ascii() {
        return ascii;
    }

    /** The field as the character reader gives it: decoded (malformed bytes replaced), unescaped, trimmed. */
    String text(int field) {
        String text = new String(buffer, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
        return escaped[field] ? text.replace("\"\"", "\"") : text;
    }

    /**
     * A record of one field that is blank before trimming ({@link String#isBlank()}), which a bulk upload skips. The
     * untrimmed field, since trimming also drops control characters that are not white space.
     */
    boolean isBlank() {
        if (fieldCount != 1) {
            return false;
        }
        return new String(buffer, rawStarts[0], rawEnds[0] - rawStarts[0], StandardCharsets.UTF_8).isBlank();
    }

    /**
     * True when the record's bytes are well-formed UTF-8 (Unicode's table 3-7): then decoding and encoding again gives
     * the same bytes, and a field can go to {@code COPY} as it is. Malformed bytes are replaced by the decoder instead.
     */
    boolean wellFormedUtf8() {
        if (ascii) {
            return true;
        }
        int to = fieldCount == 0 ? recordStart : rawEnds[fieldCount - 1];
        for (int i = recordStart; i < to;) {
            int c = buffer[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int more;
            int low = 0x80;
            int high = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                more = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                more = 2;
                low = c == 0xE0 ? 0xA0 : low;
                high = c == 0xED ? 0x9F : high;
            } else if (c >= 0xF0 && c <= 0xF4) {
                more = 3;
                low = c == 0xF0 ? 0x90 : low;
                high = c == 0xF4 ? 0x8F : high;
            } else {
                return false;
            }
            if (i + more >= to) {
                return false;
            }
            int second = buffer[i + 1] & 0xff;
            if (second < low || second > high) {
                return false;
            }
            for (int k = 2; k <= more; k++) {
                int next = buffer[i + k] & 0xff;
                if (next < 0x80 || next > 0xBF) {
                    return false;
                }
            }
            i += more + 1;
        }
        return true;
    }
}
