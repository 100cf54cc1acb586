package org.lodestone.country;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The source strings of the seed data, taken apart. */
class SourceCitationParserTest {

    @Test
    void usgsCitationHasEveryPart() {
        String text = "USGS, Mineral Commodity Summaries 2026 - gallium, Feb 2026, "
                + "https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-gallium.pdf [S02]";
        SourceCitation source = SourceCitationParser.parse(text);
        assertEquals(text, source.citation);
        assertEquals("USGS", source.publisher);
        assertEquals("Mineral Commodity Summaries 2026 - gallium", source.title);
        assertEquals(2026, source.year);
        assertEquals("https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-gallium.pdf", source.url);
        assertEquals(List.of("S02"), source.refs);
    }

    @Test
    void uncommaSeparatedCitationKeepsPublisherAndTitleNull() {
        SourceCitation source = SourceCitationParser.parse("IEA Policies DB [S85]; Argus 2020-07-03 [S86]");
        assertNull(source.publisher);
        assertNull(source.title);
        assertNull(source.url);
        assertEquals(2020, source.year);
        assertEquals(List.of("S85", "S86"), source.refs);
    }

    @Test
    void bareReferencesAreACitationToo() {
        SourceCitation source = SourceCitationParser.parse("[S82][S83][S85][S62]");
        assertEquals("[S82][S83][S85][S62]", source.citation);
        assertEquals(List.of("S82", "S83", "S85", "S62"), source.refs);
        assertNull(source.year);
    }

    @Test
    void blankIsNoSource() {
        assertNull(SourceCitationParser.parse(""));
        assertNull(SourceCitationParser.parse(null));
    }
}
