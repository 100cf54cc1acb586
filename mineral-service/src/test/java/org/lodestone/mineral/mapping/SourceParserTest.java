package org.lodestone.mineral.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lodestone.mineral.service.SourceDto;

class SourceParserTest {

    @Test
    void publisherTitleYearUrlAndRefs() {
        String text = "IEA, Critical Minerals Data Explorer (2025 ed., 2024 base year; CC BY 4.0), "
                + "https://www.iea.org/data-and-statistics/data-tools/critical-minerals-data-explorer [S01]";
        SourceDto source = SourceParser.parse(text);
        assertEquals(text, source.citation());
        assertEquals("IEA", source.publisher());
        assertEquals("Critical Minerals Data Explorer (2025 ed., 2024 base year; CC BY 4.0)", source.title());
        assertEquals(2025, source.year());
        assertEquals("https://www.iea.org/data-and-statistics/data-tools/critical-minerals-data-explorer", source.url());
        assertEquals(List.of("S01"), source.refs());
    }

    @Test
    void unclearPartsStayNull() {
        SourceDto source = SourceParser.parse("Holland & Knight 2025-04-04 https://hklaw.com/en/insights/x [S24]; "
                + "USGS, Mineral Commodity Summaries 2026 - rare-earths, Feb 2026, https://pubs.usgs.gov/y.pdf [S02]");
        assertNull(source.publisher());
        assertNull(source.title());
        assertEquals(2025, source.year());
        assertEquals("https://hklaw.com/en/insights/x", source.url());
        assertEquals(List.of("S24", "S02"), source.refs());
        SourceDto bare = SourceParser.parse("grouping tag");
        assertNull(bare.year());
        assertNull(bare.url());
        assertEquals(List.of(), bare.refs());
    }
}
