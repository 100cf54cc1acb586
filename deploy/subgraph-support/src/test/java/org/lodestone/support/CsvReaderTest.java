package org.lodestone.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void quotedFieldsCommasQuotesAndLineBreaks() throws IOException {
        CsvReader csv = new CsvReader(new StringReader("\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,"));
        assertEquals(new CsvReader.Row(1, List.of("a", "b")), csv.next());
        assertEquals(new CsvReader.Row(2, List.of("x, y", "say \"hi\"")), csv.next());
        assertEquals(new CsvReader.Row(3, List.of("two\nlines", "z")), csv.next());
        assertEquals(new CsvReader.Row(5, List.of("last", "")), csv.next());
        assertNull(csv.next());
    }

    @Test
    void malformedInputNamesTheLine() {
        CsvFormatException unterminated = assertThrows(CsvFormatException.class,
                () -> drain(new CsvReader(new StringReader("a,b\nc,\"open\n"))));
        assertEquals(2, unterminated.line());
        CsvFormatException stray = assertThrows(CsvFormatException.class,
                () -> drain(new CsvReader(new StringReader("a,b\nc,\"closed\"x\n"))));
        assertEquals(2, stray.line());
        assertThrows(CsvFormatException.class, () -> drain(new CsvReader(new StringReader("a,b\"c\n"))));
    }

    private static void drain(CsvReader csv) throws IOException {
        while (csv.next() != null) {
            // reading is the point
        }
    }
}
