package org.lodestone.support.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lodestone.support.problem.FieldError;
import org.lodestone.support.problem.InvalidInputException;

class QueryParamsTest {

    enum Stage { MINING, REFINING }

    @Test
    void absentOrBlankIsNull() {
        assertNull(QueryParams.enumValue(Stage.class, "stage", " "));
        assertNull(QueryParams.integer("year", null));
        assertNull(QueryParams.date("from", ""));
        assertNull(QueryParams.list((String) null));
        assertNull(QueryParams.text("  "));
    }

    @Test
    void valuesAreRead() {
        assertEquals(Stage.REFINING, QueryParams.enumValue(Stage.class, "stage", "refining"));
        assertEquals(2024, QueryParams.integer("year", " 2024 "));
        assertEquals(LocalDate.of(2025, 1, 15), QueryParams.date("from", "2025-01-15"));
        assertEquals(List.of("a", "b"), QueryParams.list("a, b,,a"));
        assertEquals(List.of("a", "b", "c"), QueryParams.list(List.of("a,b", "c")));
        assertEquals(List.of(1L, 2L), QueryParams.longs("ids", "1,2"));
    }

    @Test
    void aBadValueNamesTheParameter() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> QueryParams.enumValue(Stage.class, "stage", "smelting"));
        FieldError error = e.errors().get(0);
        assertEquals("stage", error.field());
        assertEquals("unknown value 'smelting' (expected one of [MINING, REFINING])", error.reason());
        assertEquals("year", assertThrows(InvalidInputException.class,
                () -> QueryParams.integer("year", "last")).errors().get(0).field());
        assertEquals("from", assertThrows(InvalidInputException.class,
                () -> QueryParams.date("from", "2024-13")).errors().get(0).field());
        assertEquals("id", assertThrows(InvalidInputException.class,
                () -> QueryParams.id("id", "abc")).errors().get(0).field());
        assertEquals("body", assertThrows(InvalidInputException.class,
                () -> QueryParams.requiredBody(null)).errors().get(0).field());
    }
}
