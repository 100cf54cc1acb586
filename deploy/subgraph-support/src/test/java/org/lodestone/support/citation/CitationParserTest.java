package org.lodestone.support.citation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The source strings of the seed data of all three services, taken apart. */
class CitationParserTest {

    @Test
    void usgsCitationHasEveryPart() {
        String text = "USGS, Mineral Commodity Summaries 2026 - gallium, Feb 2026, "
                + "https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-gallium.pdf [S02]";
        Citation source = CitationParser.parse(text);
        assertEquals(text, source.citation());
        assertEquals("USGS", source.publisher());
        assertEquals("Mineral Commodity Summaries 2026 - gallium", source.title());
        assertEquals(2026, source.year());
        assertEquals("https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-gallium.pdf", source.url());
        assertEquals(List.of("S02"), source.refs());
    }

    @Test
    void commasAndSemicolonsInsideParenthesesStayInTheTitle() {
        String text = "IEA, Critical Minerals Data Explorer (2025 ed., 2024 base year; CC BY 4.0), "
                + "https://www.iea.org/data-and-statistics/data-tools/critical-minerals-data-explorer [S01]";
        Citation source = CitationParser.parse(text);
        assertEquals(text, source.citation());
        assertEquals("IEA", source.publisher());
        assertEquals("Critical Minerals Data Explorer (2025 ed., 2024 base year; CC BY 4.0)", source.title());
        assertEquals(2025, source.year());
        assertEquals("https://www.iea.org/data-and-statistics/data-tools/critical-minerals-data-explorer",
                source.url());
        assertEquals(List.of("S01"), source.refs());
    }

    @Test
    void oneWordPublisherBeforeADate() {
        String text = "USTR 2023-03-28 https://ustr.gov/about-us/x [S40]; Jiji via nippon.com [S41]";
        Citation source = CitationParser.parse(text);
        assertEquals(text, source.citation());
        assertEquals("USTR", source.publisher());
        assertNull(source.title());
        assertEquals(2023, source.year());
        assertEquals("https://ustr.gov/about-us/x", source.url());
        assertEquals(List.of("S40", "S41"), source.refs());

        Citation monthOnly = CitationParser.parse("Kallanish 2025-06 [S58]; Mirage News (roadmap) [S59]");
        assertEquals("Kallanish", monthOnly.publisher());
        assertNull(monthOnly.url());
        assertEquals(List.of("S58", "S59"), monthOnly.refs());
    }

    @Test
    void unclearPartsStayNull() {
        Citation source = CitationParser.parse("Holland & Knight 2025-04-04 https://hklaw.com/en/insights/x [S24]; "
                + "USGS, Mineral Commodity Summaries 2026 - rare-earths, Feb 2026, https://pubs.usgs.gov/y.pdf [S02]");
        assertNull(source.publisher());
        assertNull(source.title());
        assertEquals(2025, source.year());
        assertEquals("https://hklaw.com/en/insights/x", source.url());
        assertEquals(List.of("S24", "S02"), source.refs());

        Citation uncommaSeparated = CitationParser.parse("IEA Policies DB [S85]; Argus 2020-07-03 [S86]");
        assertNull(uncommaSeparated.publisher());
        assertNull(uncommaSeparated.title());
        assertNull(uncommaSeparated.url());
        assertEquals(2020, uncommaSeparated.year());
        assertEquals(List.of("S85", "S86"), uncommaSeparated.refs());

        Citation noYear = CitationParser.parse("Evrim Agaci (citing PR Newswire) [S71] - secondary");
        assertNull(noYear.year());
        assertNull(noYear.publisher());

        Citation bare = CitationParser.parse("grouping tag");
        assertNull(bare.year());
        assertNull(bare.url());
        assertEquals(List.of(), bare.refs());
    }

    @Test
    void bareReferencesAreACitationToo() {
        Citation source = CitationParser.parse("[S82][S83][S85][S62]");
        assertEquals("[S82][S83][S85][S62]", source.citation());
        assertEquals(List.of("S82", "S83", "S85", "S62"), source.refs());
        assertNull(source.year());
    }

    @Test
    void blankIsNoSource() {
        assertNull(CitationParser.parse(""));
        assertNull(CitationParser.parse("  "));
        assertNull(CitationParser.parse(null));
    }
}
