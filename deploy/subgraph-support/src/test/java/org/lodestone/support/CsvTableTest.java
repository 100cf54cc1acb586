package org.lodestone.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void rowsKeyedByHeaderBlankLinesSkippedValuesVerbatim() throws IOException {
        String text = "code,name\r\nJP, Japan \r\n\r\nEU,\"European Union\"\r\nXX,\r\n";
        List<Map<String, String>> rows = CsvTable.read(new StringReader(text), "t.csv");
        assertEquals(List.of(Map.of("code", "JP", "name", " Japan "), Map.of("code", "EU", "name", "European Union"),
                Map.of("code", "XX", "name", "")), rows);
    }

    @Test
    void emptyInputHasNoRows() throws IOException {
        assertEquals(List.of(), CsvTable.read(new StringReader(""), "t.csv"));
    }

    @Test
    void wrongFieldCountNamesFileAndLine() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvTable.read(new StringReader("a,b\n1,2\n3\n"), "t.csv"));
        assertEquals(3, e.line());
        assertEquals("t.csv line 3: 1 fields, header has 2", e.getMessage());
    }
}
