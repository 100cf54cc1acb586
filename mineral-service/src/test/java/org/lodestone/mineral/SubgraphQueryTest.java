package org.lodestone.mineral;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The subgraph's read API on the real data: concentration, supply shares, prices and export controls. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@Order(2)
class SubgraphQueryTest {

    private static final String CONCENTRATION = """
            query($id: ID!, $stage: Stage, $year: Int, $dataset: Dataset) {
              mineral(id: $id) {
                id
                concentration(stage: $stage, year: $year, dataset: $dataset) {
                  mineral { id } stage year dataset projection hhi top3SharePct
                  leader { code } leaderSharePct chinaSharePct
                }
              }
            }""";

    private final String token = TestTokens.member("DE");

    /**
     * Hand calculation from supply_shares.csv (IEA, refining, 2024, ROW excluded):
     * graphite CN 95.7, JP 2.4, US 0.1, CA/SE/DE 0.0 -> HHI 9158.49 + 5.76 + 0.01 = 9164.26, top-3 98.2;
     * cobalt CN 78.4, FI 8.0, JP 2.3, ID 1.1, CA 0.7 -> HHI 6146.56 + 64 + 5.29 + 1.21 + 0.49 = 6217.55, top-3 88.7;
     * magnet rare earths CN 91.3, MY 4.5, US 1.2, AU 0.0 -> HHI 8335.69 + 20.25 + 1.44 = 8357.38, top-3 97.0.
     */
    @Test
    void refiningConcentrationDefaultsToIeaLatestObservedYear() {
        GraphQL.post(token, CONCENTRATION, Map.of("id", "graphite")).statusCode(200)
                .body("errors", nullValue())
                .body("data.mineral.concentration.dataset", is("IEA"))
                .body("data.mineral.concentration.year", is(2024))
                .body("data.mineral.concentration.stage", is("REFINING"))
                .body("data.mineral.concentration.projection", is(false))
                .body("data.mineral.concentration.hhi", is(9164.26f))
                .body("data.mineral.concentration.top3SharePct", is(98.2f))
                .body("data.mineral.concentration.leader.code", is("CN"))
                .body("data.mineral.concentration.leaderSharePct", is(95.7f))
                .body("data.mineral.concentration.chinaSharePct", is(95.7f))
                .body("data.mineral.concentration.mineral.id", is("graphite"));
        GraphQL.post(token, CONCENTRATION, Map.of("id", "cobalt"))
                .body("data.mineral.concentration.hhi", is(6217.55f))
                .body("data.mineral.concentration.top3SharePct", is(88.7f))
                .body("data.mineral.concentration.chinaSharePct", is(78.4f));
        GraphQL.post(token, CONCENTRATION, Map.of("id", "rare_earths_magnet"))
                .body("data.mineral.concentration.hhi", is(8357.38f))
                .body("data.mineral.concentration.top3SharePct", is(97.0f))
                .body("data.mineral.concentration.chinaSharePct", is(91.3f));
    }

    /** Lithium mining 2024, IEA: AU 35.2, CN 22.3, CL 19.3, ZW 9.0, AR 5.2 -> top-3 76.8, HHI 2216.86; leader AU. */
    @Test
    void miningConcentrationAndLeaderOtherThanChina() {
        GraphQL.post(token, CONCENTRATION, Map.of("id", "lithium", "stage", "MINING"))
                .body("data.mineral.concentration.hhi", is(2216.86f))
                .body("data.mineral.concentration.top3SharePct", is(76.8f))
                .body("data.mineral.concentration.leader.code", is("AU"))
                .body("data.mineral.concentration.chinaSharePct", is(22.3f));
    }

    /** Graphite mining 2024 exists in both datasets; asking for USGS gives the USGS figure (CN 81.9). */
    @Test
    void explicitDatasetAndProjectionYear() {
        GraphQL.post(token, CONCENTRATION, Map.of("id", "graphite", "stage", "MINING", "year", 2024, "dataset", "USGS"))
                .body("data.mineral.concentration.dataset", is("USGS"))
                .body("data.mineral.concentration.chinaSharePct", is(81.9f))
                .body("data.mineral.concentration.hhi", is(6764.67f));
        // 2030 base case: CN 87.1, JP 3.6, DE 1.0, US 0.7, CA 0.2 -> HHI 7600.9, flagged as projection
        GraphQL.post(token, CONCENTRATION, Map.of("id", "graphite", "year", 2030))
                .body("data.mineral.concentration.projection", is(true))
                .body("data.mineral.concentration.hhi", is(7600.9f))
                .body("data.mineral.concentration.top3SharePct", is(91.7f));
    }

    /**
     * Over time, projections compared with projections: graphite refining 2030 (HHI 7600.9, CN 87.1) -> 2035
     * (HHI 7295.37, CN 85.3) = -305.53 and -1.8; 2024 is observed and has no earlier observed year.
     * USGS rare earths mining: 2024 reported (HHI 5309.21, CN 71.1) -> 2025 estimate (5049.69, 69.2).
     */
    @Test
    void concentrationOverTime() {
        GraphQL.post(token, """
                { graphite: mineral(id: "graphite") { concentrationHistory {
                    year projection hhi chinaSharePct previousYear hhiChange chinaSharePctChange } }
                  rareEarths: mineral(id: "rare_earths") { concentration(stage: MINING) {
                    dataset year previousYear hhiChange chinaSharePctChange } } }""")
                .body("errors", nullValue())
                .body("data.graphite.concentrationHistory.year", contains(2024, 2030, 2035))
                .body("data.graphite.concentrationHistory.projection", contains(false, true, true))
                .body("data.graphite.concentrationHistory[0].previousYear", nullValue())
                .body("data.graphite.concentrationHistory[1].previousYear", nullValue())
                .body("data.graphite.concentrationHistory[2].previousYear", is(2030))
                .body("data.graphite.concentrationHistory[2].hhi", is(7295.37f))
                .body("data.graphite.concentrationHistory[2].hhiChange", is(-305.53f))
                .body("data.graphite.concentrationHistory[2].chinaSharePctChange", is(-1.8f))
                .body("data.rareEarths.concentration.dataset", is("USGS"))
                .body("data.rareEarths.concentration.year", is(2025))
                .body("data.rareEarths.concentration.previousYear", is(2024))
                .body("data.rareEarths.concentration.hhiChange", is(-259.52f))
                .body("data.rareEarths.concentration.chinaSharePctChange", is(-1.9f));
    }

    /** Gallium has no IEA rows, so USGS is used, at its latest non-projection year (2025 estimate). */
    @Test
    void fallsBackToUsgsWhereIeaIsSilent() {
        GraphQL.post(token, CONCENTRATION, Map.of("id", "gallium"))
                .body("data.mineral.concentration.dataset", is("USGS"))
                .body("data.mineral.concentration.year", is(2025))
                .body("data.mineral.concentration.chinaSharePct", is(100.0f));
        GraphQL.post(token, CONCENTRATION, Map.of("id", "critical_minerals_general"))
                .body("errors", nullValue())
                .body("data.mineral.concentration", nullValue());
    }

    @Test
    void mineralsAndSupplyShares() {
        GraphQL.post(token, """
                { minerals { id }
                  mineral(id: "cobalt") {
                    name symbol uses usesSource { publisher url refs }
                    supplyShares(stage: REFINING, year: 2024, dataset: IEA) {
                      country { code } sharePct dataset basis projection mineral { id name } source { url refs }
                    }
                  }
                  nothing: mineral(id: "unobtainium") { id } }""")
                .body("errors", nullValue())
                .body("data.minerals", hasSize(43))
                .body("data.nothing", nullValue())
                .body("data.mineral.name", is("Cobalt"))
                .body("data.mineral.usesSource.refs", contains("S02"))
                .body("data.mineral.supplyShares", hasSize(6))
                .body("data.mineral.supplyShares[0].country.code", is("CN"))
                .body("data.mineral.supplyShares[0].sharePct", is(78.4f))
                .body("data.mineral.supplyShares.mineral.name", everyItem(is("Cobalt")))
                .body("data.mineral.supplyShares.source.refs", everyItem(contains("S01")));
    }

    @Test
    void countrySupplySharesThroughEntities() {
        GraphQL.post(token, """
                query($reps: [_Any!]!) {
                  _entities(representations: $reps) {
                    ... on Country { code supplyShares(stage: REFINING, year: 2024, dataset: IEA) { mineral { id } sharePct } }
                  }
                }""", Map.of("reps", List.of(Map.of("__typename", "Country", "code", "CN"),
                Map.of("__typename", "Country", "code", "FI"))))
                .body("errors", nullValue())
                .body("data._entities[0].code", is("CN"))
                .body("data._entities[0].supplyShares", hasSize(6))
                .body("data._entities[0].supplyShares.mineral.id", hasItem("graphite"))
                .body("data._entities[1].code", is("FI"))
                .body("data._entities[1].supplyShares.mineral.id", containsInAnyOrder("cobalt", "nickel"));
    }

    @Test
    void mineralAndExportControlEntitiesInRequestOrder() {
        GraphQL.post(token, """
                query($reps: [_Any!]!) {
                  _entities(representations: $reps) {
                    ... on Mineral { id name }
                    ... on ExportControl { id measure minerals { id } }
                  }
                }""", Map.of("reps", List.of(Map.of("__typename", "Mineral", "id", "lithium"),
                Map.of("__typename", "Mineral", "id", "unobtainium"),
                Map.of("__typename", "ExportControl", "id", "EC-2023-GAGE"),
                Map.of("__typename", "Mineral", "id", "gallium"))))
                .body("data._entities[0].name", is("Lithium"))
                .body("data._entities[1]", nullValue())
                .body("data._entities[2].minerals.id", contains("gallium", "germanium"))
                .body("data._entities[3].name", is("Gallium"));
    }

    /** USGS annual averages, germanium metal: 1,991 USD/kg (2024) -> 4,100 (2025e), +105.93%. */
    @Test
    void priceHistoryWithChangeVersusPreviousPeriod() {
        GraphQL.post(token, """
                { mineral(id: "germanium") { prices(from: "2024", to: "2025") {
                    date periodType price unitCurrency series changePct source { refs } } } }""")
                .body("errors", nullValue())
                .body("data.mineral.prices", hasSize(8))
                .body("data.mineral.prices.find { it.date == '2025' && it.series.startsWith('Germanium metal') }.price",
                        is(4100.0f))
                .body("data.mineral.prices.find { it.date == '2025' && it.series.startsWith('Germanium metal') }.changePct",
                        is(105.93f))
                .body("data.mineral.prices.find { it.date == '2024' && it.series.startsWith('Germanium metal') }.changePct",
                        nullValue());
        GraphQL.post(token, """
                { mineral(id: "germanium") { prices(from: "2025-99") { date } } }""")
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
    }

    @Test
    void exportControlsActiveOnHonourSuspensionsAndEndDates() {
        String query = """
                query($on: Date, $mineral: ID) { exportControls(activeOn: $on, mineral: $mineral) { id } }""";
        // the December 2024 US ban is in force, then suspended from 2025-11-09 to 2026-11-27, then back
        GraphQL.post(token, query, Map.of("on", "2025-01-01", "mineral", "gallium"))
                .body("data.exportControls.id", containsInAnyOrder("EC-2023-GAGE", "EC-2024-US-GAGESB"));
        GraphQL.post(token, query, Map.of("on", "2025-12-01", "mineral", "gallium"))
                .body("data.exportControls.id", contains("EC-2023-GAGE"));
        GraphQL.post(token, query, Map.of("on", "2026-11-27", "mineral", "gallium"))
                .body("data.exportControls.id", contains("EC-2023-GAGE"));
        GraphQL.post(token, query, Map.of("on", "2026-12-01", "mineral", "gallium"))
                .body("data.exportControls.id", containsInAnyOrder("EC-2023-GAGE", "EC-2024-US-GAGESB"));
        // the 2010 halt to Japan ended 2010-11-20 (GTA)
        GraphQL.post(token, query, Map.of("on", "2010-10-01", "mineral", "rare_earths"))
                .body("data.exportControls.id", contains("EC-2010-JP-REE"));
        GraphQL.post(token, query, Map.of("on", "2010-12-01", "mineral", "rare_earths"))
                .body("data.exportControls", hasSize(0));
        // October 2025 rare-earth controls: suspended from 2025-11-07 before they took effect, until 2026-11-10
        GraphQL.post(token, query, Map.of("on", "2025-11-20", "mineral", "holmium"))
                .body("data.exportControls", hasSize(0));
        GraphQL.post(token, query, Map.of("on", "2026-11-11", "mineral", "holmium"))
                .body("data.exportControls.id", contains("EC-2025-OCT-REE"));
        // DRC cobalt ban: from February 2025, replaced in October 2025
        GraphQL.post(token, query, Map.of("on", "2025-03-15", "mineral", "cobalt"))
                .body("data.exportControls.id", contains("EC-2025-CD-CO"));
        GraphQL.post(token, query, Map.of("on", "2025-10-15", "mineral", "cobalt"))
                .body("data.exportControls", hasSize(0));
        // suspensions are relaxations, never listed as active restrictions
        GraphQL.post(token, query, Map.of("on", "2025-12-01"))
                .body("data.exportControls.id", not(hasItem("EC-2025-SUSP-US")))
                .body("data.exportControls", hasSize(7));
    }

    @Test
    void exportControlFieldsAndFilters() {
        GraphQL.post(token, """
                { exportControls(imposingCountry: "CN", mineral: "antimony") {
                    id imposingCountry { code } targets { code } targetsAll measure announcedOn effectiveOn endsOn
                    effectiveDate status suspends { id } source { url refs } minerals { id } } }""")
                .body("errors", nullValue())
                .body("data.exportControls.id", contains("EC-2024-SB", "EC-2024-US-GAGESB", "EC-2025-SUSP-US"))
                .body("data.exportControls[1].targets.code", contains("US"))
                .body("data.exportControls[1].announcedOn", is("2024-12-03"))
                .body("data.exportControls[2].suspends.id", is("EC-2024-US-GAGESB"))
                .body("data.exportControls[2].endsOn", is("2026-11-27"))
                .body("data.exportControls[0].source.refs", contains("S18", "S19", "S02"));
        GraphQL.post(token, """
                { exportControls(imposingCountry: "CD") { id effectiveOn effectiveDate } }""")
                .body("data.exportControls[0].effectiveOn", nullValue())
                .body("data.exportControls[0].effectiveDate", is("2025-02"));
        GraphQL.post(token, """
                { mineral(id: "graphite") { exportControls { id } } }""")
                .body("data.mineral.exportControls.id", containsInAnyOrder("EC-2023-GRAPHITE", "EC-2024-US-GAGESB",
                        "EC-2025-OCT-REE", "EC-2025-SUSP-US"));
    }
}
