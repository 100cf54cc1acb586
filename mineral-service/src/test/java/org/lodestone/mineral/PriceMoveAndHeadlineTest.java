package org.lodestone.mineral;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Price moves around export controls, concentration over time and the headline figures, on the real data. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class PriceMoveAndHeadlineTest {

    private final String token = TestTokens.member("US");

    @Test
    void germaniumPriceAroundTheDecember2024Ban() {
        GraphQL.post(token, """
                { exportControls(imposingCountry: "CN", mineral: "germanium") { id
                    priceMoves { mineral { id } series unitCurrency periodType beforePeriod beforePrice
                                 afterPeriod afterPrice changePct missing source { refs } } } }""")
                .statusCode(200).body("errors", nullValue())
                .body("data.exportControls.find { it.id == 'EC-2024-US-GAGESB' }.priceMoves.find { "
                        + "it.mineral.id == 'germanium' && it.series.startsWith('Germanium metal, 99.999%') }.beforePeriod",
                        is("2024"))
                .body("data.exportControls.find { it.id == 'EC-2024-US-GAGESB' }.priceMoves.find { "
                        + "it.mineral.id == 'germanium' && it.series.startsWith('Germanium metal, 99.999%') }.afterPeriod",
                        is("2025"))
                .body("data.exportControls.find { it.id == 'EC-2024-US-GAGESB' }.priceMoves.find { "
                        + "it.mineral.id == 'germanium' && it.series.startsWith('Germanium metal, 99.999%') }.beforePrice",
                        is(1991.0f))
                .body("data.exportControls.find { it.id == 'EC-2024-US-GAGESB' }.priceMoves.find { "
                        + "it.mineral.id == 'germanium' && it.series.startsWith('Germanium metal, 99.999%') }.afterPrice",
                        is(4100.0f))
                .body("data.exportControls.find { it.id == 'EC-2024-US-GAGESB' }.priceMoves.find { "
                        + "it.mineral.id == 'germanium' && it.series.startsWith('Germanium metal, 99.999%') }.changePct",
                        is(105.93f))
                .body("data.exportControls.find { it.id == 'EC-2024-US-GAGESB' }.priceMoves.find { "
                        + "it.mineral.id == 'germanium' && it.series.startsWith('Germanium metal, 99.999%') }.source.refs",
                        contains("S02"))
                // the monthly series starts in 2025: no point before the ban, so no change
                .body("data.exportControls.find { it.id == 'EC-2024-US-GAGESB' }.priceMoves.find { "
                        + "it.mineral.id == 'germanium' && it.series == 'Germanium metal 99.999%, Europe' }.changePct",
                        nullValue())
                .body("data.exportControls.find { it.id == 'EC-2024-US-GAGESB' }.priceMoves.find { "
                        + "it.mineral.id == 'germanium' && it.series == 'Germanium metal 99.999%, Europe' }.missing",
                        contains("no point of this series before 2024-12-03"));
    }

    @Test
    void mineralWithoutPricesSaysSo() {
        GraphQL.post(token, """
                { exportControls(imposingCountry: "CN", mineral: "superhard_materials") { id
                    priceMoves { mineral { id } series changePct missing } } }""")
                .statusCode(200).body("errors", nullValue())
                .body("data.exportControls[0].priceMoves.find { it.mineral.id == 'superhard_materials' }.missing",
                        contains("no price series for superhard_materials in the data"));
    }

    @Test
    void chinaRefiningSharesOfGraphiteAndMagnetRareEarths2024() {
        GraphQL.post(token, """
                { graphite: mineral(id: "graphite") { supplyShares(stage: REFINING, year: 2024, dataset: IEA) {
                    country { code } sharePct basis source { refs publisher } } }
                  magnets: mineral(id: "rare_earths_magnet") { concentration(stage: REFINING, year: 2024) {
                    dataset chinaSharePct leader { code } } } }""")
                .statusCode(200).body("errors", nullValue())
                .body("data.graphite.supplyShares.find { it.country.code == 'CN' }.sharePct", is(95.7f))
                .body("data.graphite.supplyShares.find { it.country.code == 'CN' }.basis", is("observed"))
                .body("data.graphite.supplyShares.find { it.country.code == 'CN' }.source.refs", contains("S01"))
                .body("data.graphite.supplyShares.find { it.country.code == 'CN' }.source.publisher", is("IEA"))
                .body("data.magnets.concentration.dataset", is("IEA"))
                .body("data.magnets.concentration.chinaSharePct", is(91.3f))
                .body("data.magnets.concentration.leader.code", is("CN"));
    }

    @Test
    void averageTop3RefiningConcentration2024() {
        GraphQL.post(token, """
                { refiningConcentrationSummary(year: 2024) { year averageTop3SharePct mineralsCounted missing
                    concentrations { mineral { id } dataset top3SharePct } } }""")
                .statusCode(200).body("errors", nullValue())
                .body("data.refiningConcentrationSummary.mineralsCounted", is(6))
                .body("data.refiningConcentrationSummary.concentrations.mineral.id",
                        contains("copper", "lithium", "nickel", "cobalt", "graphite", "rare_earths_magnet"))
                .body("data.refiningConcentrationSummary.concentrations.top3SharePct",
                        contains(57.2f, 96.1f, 77.8f, 88.7f, 98.2f, 97.0f))
                // IEA reports 86% for 2024 [S04]; the mean of the six table values is 85.83
                .body("data.refiningConcentrationSummary.averageTop3SharePct", is(85.83f))
                .body("data.refiningConcentrationSummary.missing", hasSize(0));
    }

    @Test
    void summaryListsMineralsWithoutRefiningData() {
        GraphQL.post(token, """
                { refiningConcentrationSummary(year: 2024, minerals: ["graphite", "germanium"]) {
                    averageTop3SharePct mineralsCounted missing } }""")
                .statusCode(200).body("errors", nullValue())
                .body("data.refiningConcentrationSummary.mineralsCounted", is(1))
                .body("data.refiningConcentrationSummary.averageTop3SharePct", is(98.2f))
                .body("data.refiningConcentrationSummary.missing", contains("no refining supply shares for germanium in 2024"));
    }

    @Test
    void concentrationHistoryComparesReportedAndEstimatedUsgsYears() {
        GraphQL.post(token, """
                { mineral(id: "rare_earths") { concentrationHistory(stage: MINING, dataset: USGS) {
                    year projection dataset hhi chinaSharePct previousYear hhiChange chinaSharePctChange } } }""")
                .statusCode(200).body("errors", nullValue())
                .body("data.mineral.concentrationHistory.year", contains(2024, 2025))
                .body("data.mineral.concentrationHistory.projection", contains(false, false))
                .body("data.mineral.concentrationHistory.chinaSharePct", contains(71.1f, 69.2f))
                .body("data.mineral.concentrationHistory[0].previousYear", nullValue())
                .body("data.mineral.concentrationHistory[1].previousYear", is(2024))
                .body("data.mineral.concentrationHistory[1].chinaSharePctChange", is(-1.9f))
                .body("data.mineral.concentrationHistory[1].hhiChange", is(-259.52f));
    }

    @Test
    void concentrationHistoryWithoutDataIsEmptyNotInvented() {
        GraphQL.post(token, """
                { mineral(id: "germanium") { concentrationHistory(stage: REFINING) { year } } }""")
                .statusCode(200).body("errors", nullValue())
                .body("data.mineral.concentrationHistory", hasSize(0));
    }

    @Test
    void exposureScoreIsDocumentedInTheSchema() {
        GraphQL.post(token, """
                { __type(name: "MineralExposure") { description } }""")
                .statusCode(200)
                .body("data.__type.description", containsString("exposureScore = netImportReliancePct x S / 100"));
    }
}
