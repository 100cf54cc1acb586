package org.lodestone.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lodestone.agreement.mapping.SourceParser;
import org.lodestone.agreement.service.SourceView;

class SourceParserTest {

    @Test
    void publisherDateUrlAndSeveralRefs() {
        String text = "USTR 2023-03-28 https://ustr.gov/about-us/x [S40]; Jiji via nippon.com [S41]";
        SourceView source = SourceParser.parse(text);
        assertEquals(text, source.citation());
        assertEquals("USTR", source.publisher());
        assertNull(source.title());
        assertEquals(2023, source.year());
        assertEquals("https://ustr.gov/about-us/x", source.url());
        assertEquals(List.of("S40", "S41"), source.refs());
    }

    @Test
    void unclearTextKeepsOnlyCitationAndRefs() {
        SourceView source = SourceParser.parse("Kallanish 2025-06 [S58]; Mirage News (roadmap) [S59]");
        assertEquals("Kallanish", source.publisher());
        assertNull(source.url());
        assertEquals(List.of("S58", "S59"), source.refs());
        SourceView noYear = SourceParser.parse("Evrim Agaci (citing PR Newswire) [S71] - secondary");
        assertNull(noYear.year());
        assertNull(noYear.publisher());
    }
}
