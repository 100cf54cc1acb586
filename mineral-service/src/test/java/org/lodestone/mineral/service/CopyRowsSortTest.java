package org.lodestone.mineral.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Binary COPY rows sent in sorted windows: each window in key order, rows of equal keys in the order they came, every
 * row sent once, and an error PostgreSQL reports for "COPY line n" (numbered in the order sent) still names the row's
 * line of the upload.
 */
class CopyRowsSortTest {

    private record Row(String text, long key, int line) {
    }

    @Test
    void windowsAreSentInKeyOrderKeepingTheOrderOfEqualKeys() throws SQLException {
        List<Row> rows = new ArrayList<>();
        long[] keys = { 5, 1, 3, 1, 0, 9, 9, 2, 7, 7, 7, 1, 4, 0, 3 };
        for (int i = 0; i < keys.length; i++) {
            rows.add(new Row("row " + i, keys[i], 100 + 3 * i));
        }
        int window = 4;
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        CopyRows copy = CopyRows.binary(CapturedCopyIn.into(sent), 1, window);
        for (Row row : rows) {
            copy.text(row.text());
            copy.endRow(row.line(), row.key());
        }
        copy.finish();

        List<Row> expected = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += window) {
            List<Row> part = new ArrayList<>(rows.subList(from, Math.min(from + window, rows.size())));
            part.sort(Comparator.comparingLong(Row::key)); // a stable sort
            expected.addAll(part);
        }
        assertEquals(expected.stream().map(Row::text).toList(), texts(sent.toByteArray()));
        for (int n = 1; n <= expected.size(); n++) {
            assertEquals(expected.get(n - 1).line(), copy.sourceLineOf(copyError(n)), "COPY line " + n);
        }
        assertEquals(rows.size(), copy.rows());
    }

    @Test
    void withoutAWindowRowsGoInTheOrderTheyCome() throws SQLException {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        CopyRows copy = CopyRows.binary(CapturedCopyIn.into(sent), 1);
        copy.text("b");
        copy.endRow(2, 9);
        copy.text("a");
        copy.endRow(3, 1);
        copy.finish();
        assertEquals(List.of("b", "a"), texts(sent.toByteArray()));
        assertEquals(3L, copy.sourceLineOf(copyError(2)));
    }

    @Test
    void keysOutOfRangeAreRefused() {
        CopyRows copy = CopyRows.binary(CapturedCopyIn.into(new ByteArrayOutputStream()), 1, 8);
        copy.text("x");
        assertThrows(IllegalArgumentException.class, () -> copy.endRow(1, -1));
        assertThrows(IllegalArgumentException.class, () -> copy.endRow(1, CopyRows.SORT_KEY_LIMIT));
        assertThrows(IllegalArgumentException.class,
                () -> CopyRows.binary(CapturedCopyIn.into(new ByteArrayOutputStream()), 1, CopyRows.MAX_SORT_WINDOW + 1));
    }

    /** Price rows of one mineral and period share a key; the mineral groups first, then the day orders. */
    @Test
    void priceKeysGroupByMineralThenDay() {
        byte[] lithium = "lithium".getBytes(StandardCharsets.UTF_8);
        byte[] padded = " lithium,".getBytes(StandardCharsets.UTF_8);
        assertEquals(PriceRowCopier.sortKey(lithium, 0, lithium.length, -700_000),
                PriceRowCopier.sortKey(padded, 1, padded.length - 1, -700_000));
        long early = PriceRowCopier.sortKey(lithium, 0, lithium.length, -730_119); // 0001-01-01
        long late = PriceRowCopier.sortKey(lithium, 0, lithium.length, 2_921_939); // 9999-12-31
        assertEquals(true, early >= 0 && early < late && late < CopyRows.SORT_KEY_LIMIT);
        assertEquals(early >>> 23, late >>> 23, "one mineral, one group");
    }

    private static PSQLException copyError(int copyLine) {
        return new PSQLException(new ServerErrorMessage(
                "SERROR\0C23514\0Mnew row violates a check\0WCOPY price_point, line " + copyLine + "\0\0"));
    }

    /** The text values of a binary COPY stream of one-column rows. */
    private static List<String> texts(byte[] stream) {
        ByteBuffer in = ByteBuffer.wrap(stream);
        in.position(11 + 4 + 4); // signature, flags, header extension length
        List<String> texts = new ArrayList<>();
        for (short fields = in.getShort(); fields != -1; fields = in.getShort()) {
            assertEquals(1, fields);
            byte[] value = new byte[in.getInt()];
            in.get(value);
            texts.add(new String(value, StandardCharsets.UTF_8));
        }
        assertEquals(stream.length, in.position(), "nothing after the trailer");
        return texts;
    }
}
