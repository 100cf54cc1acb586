package org.lodestone.mineral.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.api.ChinaRefiningShare;
import org.lodestone.mineral.api.DependenceFigures;
import org.lodestone.mineral.api.ExposureDto;

class ExposureCalculatorTest {

    private static final ChinaRefiningShare GRAPHITE_REFINING = new ChinaRefiningShare("graphite", 95.7, Dataset.IEA,
            2024, null, null);
    private static final ChinaRefiningShare NO_TABLE = new ChinaRefiningShare("germanium", null, null, null, null,
            "no refining supply-share table for germanium in the data");

    @Test
    void scoreUsesChinaShareOfImportsWhenKnown() {
        ExposureDto e = ExposureCalculator.score(new DependenceFigures("US", "rare_earths", 67.0, 71.0), NO_TABLE);
        assertEquals(47.57, e.exposureScore());
        assertTrue(e.scoreBasis().contains("China's share of US's imports"), e.scoreBasis());
        assertEquals(List.of("no refining supply-share table for germanium in the data"), e.missing());
    }

    @Test
    void refiningShareIsAFlaggedProxyWhenImportShareIsMissing() {
        ExposureDto e = ExposureCalculator.score(new DependenceFigures("US", "graphite", 100.0, null),
                GRAPHITE_REFINING);
        assertEquals(95.7, e.exposureScore());
        assertTrue(e.scoreBasis().contains("PROXY") && e.scoreBasis().contains("IEA 2024"), e.scoreBasis());
        assertTrue(e.missing().get(0).contains("no China share of US's graphite imports"));
    }

    @Test
    void boundsAndApproximationsAreNamedInTheBasis() {
        ExposureDto e = ExposureCalculator.score(new DependenceFigures("US", "germanium", 50.0, ">50", 41.0, "41"),
                NO_TABLE);
        assertEquals(20.5, e.exposureScore());
        assertTrue(e.scoreBasis().endsWith("; LOWER BOUND: net import reliance published as '>50'"), e.scoreBasis());
        ExposureDto approx = ExposureCalculator.score(new DependenceFigures("JP", "rare_earths", 80.0, "80", 60.0,
                "~60"), NO_TABLE);
        assertTrue(approx.scoreBasis().contains("APPROXIMATE: China's share of imports published as '~60'"));
    }

    @Test
    void noScoreWithoutNetImportReliance() {
        ExposureDto e = ExposureCalculator.score(new DependenceFigures("JP", "rare_earths", null, 60.0), NO_TABLE);
        assertNull(e.exposureScore());
        assertNull(e.scoreBasis());
        assertTrue(e.missing().contains("no net import reliance figure for JP and rare_earths in the country data"));
    }

    @Test
    void noScoreWhenNeitherShareIsKnown() {
        ExposureDto e = ExposureCalculator.score(new DependenceFigures("US", "germanium", 50.0, null), NO_TABLE);
        assertNull(e.exposureScore());
        assertTrue(e.missing().stream().anyMatch(m -> m.startsWith("no score")));
    }

    @Test
    void rankPutsHighestFirstSharesTiesAndLeavesNullsUnrankedLast() {
        List<ExposureDto> ranked = ExposureCalculator.rank(List.of(
                ExposureCalculator.score(new DependenceFigures("JP", "graphite", null, 50.0), GRAPHITE_REFINING),
                ExposureCalculator.score(new DependenceFigures("DE", "graphite", 50.0, 20.0), GRAPHITE_REFINING),
                ExposureCalculator.score(new DependenceFigures("US", "graphite", 100.0, 46.0), GRAPHITE_REFINING),
                ExposureCalculator.score(new DependenceFigures("FR", "graphite", 20.0, 50.0), GRAPHITE_REFINING)));
        assertEquals(List.of("US", "DE", "FR", "JP"), ranked.stream().map(ExposureDto::countryCode).toList());
        assertEquals(1, ranked.get(0).rank());
        assertEquals(2, ranked.get(1).rank());
        assertEquals(2, ranked.get(2).rank());
        assertNull(ranked.get(3).rank());
    }
}
