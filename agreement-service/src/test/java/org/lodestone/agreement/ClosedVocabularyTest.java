package org.lodestone.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClosedVocabularyTest {

    private final ClosedVocabulary vocabulary = ClosedVocabulary.of("bilateral, MOU, FTA");

    @Test
    void readsTheTermsOfTheDescriptionText() {
        assertEquals(List.of("bilateral", "MOU", "FTA"), vocabulary.terms());
        assertEquals("bilateral, MOU, FTA", vocabulary.toString());
    }

    @Test
    void matchesAnyCaseAndSurroundingBlanksAndAnswersTheListedSpelling() {
        assertEquals("MOU", vocabulary.canonical(" mou "));
        assertEquals("bilateral", vocabulary.canonical("BILATERAL"));
    }

    @Test
    void refusesAnythingElse() {
        assertNull(vocabulary.canonical("../../etc/passwd"));
        assertNull(vocabulary.canonical("MOU2"));
        assertNull(vocabulary.canonical(""));
        assertNull(vocabulary.canonical(null));
    }
}
