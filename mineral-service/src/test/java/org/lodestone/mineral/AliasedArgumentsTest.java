package org.lodestone.mineral;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.lodestone.mineral.service.VersionedCache;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The same field twice under different aliases with different arguments, side by side as a gateway forwards them:
 * each alias answers for its own arguments, with one SQL statement per alias for all parents.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AliasedArgumentsTest {

    private static final List<String> MINERALS = List.of("lithium", "cobalt");

    @Inject
    EntityManagerFactory entityManagerFactory;

    /** Cleared before counting: the counts are those of a cold read (a warm one reads less). */
    @Inject
    VersionedCache cache;

    @Test
    void mineralSupplySharesAliasesGetTheirOwnStageYearAndDataset() {
        List<Map<String, Object>> minerals = mineralEntities("""
                mining: supplyShares(stage: MINING) { stage year dataset }
                refining: supplyShares(stage: REFINING) { stage year dataset }
                y2025: supplyShares(year: 2025) { stage year dataset }
                y2024: supplyShares(year: 2024) { stage year dataset }
                iea: supplyShares(dataset: IEA) { stage year dataset }
                usgs: supplyShares(dataset: USGS) { stage year dataset }""");
        for (Map<String, Object> mineral : minerals) {
            assertEvery(mineral, "mining", "stage", "MINING");
            assertEvery(mineral, "refining", "stage", "REFINING");
            assertEvery(mineral, "y2025", "year", 2025);
            assertEvery(mineral, "y2024", "year", 2024);
            assertEvery(mineral, "iea", "dataset", "IEA");
            assertEvery(mineral, "usgs", "dataset", "USGS");
        }
    }

    @Test
    void mineralConcentrationAliasesGetTheirOwnStage() {
        List<Map<String, Object>> minerals = mineralEntities("""
                mining: concentration(stage: MINING) { stage dataset year }
                refining: concentration(stage: REFINING) { stage dataset year }
                usgs: concentration(stage: MINING, dataset: USGS) { stage dataset year }""");
        for (Map<String, Object> mineral : minerals) {
            assertEquals("MINING", field(mineral, "mining").get("stage"), mineral.get("id").toString());
            assertEquals("REFINING", field(mineral, "refining").get("stage"), mineral.get("id").toString());
            assertEquals("USGS", field(mineral, "usgs").get("dataset"), mineral.get("id").toString());
        }
    }

    @Test
    void mineralConcentrationHistoryAliasesGetTheirOwnStage() {
        List<Map<String, Object>> minerals = mineralEntities("""
                mining: concentrationHistory(stage: MINING) { stage year }
                refining: concentrationHistory(stage: REFINING) { stage year }""");
        for (Map<String, Object> mineral : minerals) {
            assertEvery(mineral, "mining", "stage", "MINING");
            assertEvery(mineral, "refining", "stage", "REFINING");
        }
    }

    @Test
    void mineralPricesAliasesGetTheirOwnPeriod() {
        List<Map<String, Object>> minerals = mineralEntities("""
                early: prices(to: "2022") { date }
                late: prices(from: "2024") { date }""");
        for (Map<String, Object> mineral : minerals) {
            List<String> early = list(mineral, "early").stream().map(p -> (String) p.get("date")).toList();
            List<String> late = list(mineral, "late").stream().map(p -> (String) p.get("date")).toList();
            // seeded: lithium and cobalt have annual averages 2021-2025
            assertTrue(early.contains("2021") && early.contains("2022"), early.toString());
            assertTrue(early.stream().allMatch(d -> d.compareTo("2023") < 0), early.toString());
            assertTrue(late.contains("2024") && late.contains("2025"), late.toString());
            assertTrue(late.stream().allMatch(d -> d.compareTo("2024") >= 0), late.toString());
        }
    }

    @Test
    void countrySupplySharesAliasesGetTheirOwnStage() {
        List<Map<String, Object>> countries = entities(reps("Country", "code", List.of("CN", "AU")), """
                ... on Country { code
                  mining: supplyShares(stage: MINING) { stage }
                  refining: supplyShares(stage: REFINING) { stage } }""");
        for (Map<String, Object> country : countries) {
            assertEvery(country, "mining", "stage", "MINING");
            assertEvery(country, "refining", "stage", "REFINING");
        }
    }

    @Test
    void aParentNobodyAnnouncedIsLoadedOnItsOwnAndStillRight() {
        // mineral(id) is a single parent: BatchByArguments loads it when its field is first asked
        Map<String, Object> graphite = GraphQL.post(TestTokens.member("JP"), """
                { mineral(id: "graphite") {
                    mining: concentration(stage: MINING) { stage }
                    refining: concentration(stage: REFINING) { stage chinaSharePct } } }""")
                .statusCode(200).body("errors", nullValue()).extract().path("data.mineral");
        assertEquals("MINING", field(graphite, "mining").get("stage"));
        assertEquals("REFINING", field(graphite, "refining").get("stage"));
        // seeded: China refines over 90% of graphite (IEA 2024)
        assertTrue(((Number) field(graphite, "refining").get("chinaSharePct")).doubleValue() > 90);
    }

    @Test
    void oneStatementPerAliasWhateverTheNumberOfParents() {
        Statistics statistics = statistics();
        mineralEntities("""
                mining: supplyShares(stage: MINING) { sharePct }
                refining: supplyShares(stage: REFINING) { sharePct }""");
        // _entities, then one statement per alias
        assertEquals(3, statistics.getPrepareStatementCount());

        statistics = statistics();
        entities(reps("Country", "code", List.of("CN", "AU", "CL", "CD", "ID", "JP", "US", "FI")), """
                ... on Country { code
                  mining: supplyShares(stage: MINING) { sharePct }
                  refining: supplyShares(stage: REFINING) { sharePct } }""");
        assertEquals(2, statistics.getPrepareStatementCount(), "one statement per alias for 8 countries");
    }

    private Statistics statistics() {
        return ColdStatistics.start(entityManagerFactory, cache);
    }

    private static List<Map<String, Object>> mineralEntities(String fields) {
        return entities(reps("Mineral", "id", MINERALS), "... on Mineral { id\n" + fields + " }");
    }

    private static List<Map<String, Object>> entities(List<Map<String, Object>> reps, String selection) {
        List<Map<String, Object>> entities = GraphQL.post(TestTokens.member("JP"),
                "query($reps: [_Any!]!) { _entities(representations: $reps) { " + selection + " } }",
                Map.of("reps", reps)).statusCode(200).body("errors", nullValue()).extract().path("data._entities");
        assertEquals(reps.size(), entities.size());
        return entities;
    }

    /** Every element of the alias's non-empty list has {@code property} equal to {@code expected}. */
    private static void assertEvery(Map<String, Object> parent, String alias, String property, Object expected) {
        List<Map<String, Object>> elements = list(parent, alias);
        assertFalse(elements.isEmpty(), parent + " " + alias);
        elements.forEach(e -> assertEquals(expected, e.get(property), parent.get("id") + " " + alias));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String alias) {
        return (List<Map<String, Object>>) parent.get(alias);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> parent, String alias) {
        Map<String, Object> value = (Map<String, Object>) parent.get(alias);
        assertTrue(value != null, parent + " " + alias);
        return value;
    }

    private static List<Map<String, Object>> reps(String type, String key, List<String> values) {
        return values.stream().map(v -> Map.<String, Object>of("__typename", type, key, v)).toList();
    }
}
