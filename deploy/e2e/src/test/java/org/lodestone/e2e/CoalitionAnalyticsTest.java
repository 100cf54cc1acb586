package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.e2e.RunningStack.step;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7 through the gateway with real tokens, on the seed data: a member's exposure (country-service figures reach
 * mineral-service's score through {@code @requires}), the three real export-control scenarios (mineral-service's
 * hit members reach agreement-service's agreements and commitments through {@code @requires}), price moves around
 * a control, the commitments dashboard as two roles, and the average refining concentration. Every query's latency
 * and subgraph request count is printed, and its real output recorded for the README (see {@link AnalyticsExamples}).
 */
@Order(4)
@ExtendWith(RunningStack.class)
class CoalitionAnalyticsTest {

    static final Set<String> COALITION = Set.of("US", "JP", "DE", "FR", "GB", "IT", "CA", "EU", "AU", "IN", "KR", "MX");

    private static final String US_EXPOSURE = """
            query UsExposure {
              country(code: "US") {
                code
                name
                exposure {
                  mineral { id }
                  netImportReliancePct
                  chinaShareOfImportsPct
                  chinaWorldRefiningSharePct
                  refiningDataset
                  refiningYear
                  refiningSource { refs }
                  exposureScore
                  scoreBasis
                  missing
                }
                dependencies(mineral: "rare_earths") { indicator value unit period source { refs url } }
              }
            }
            """;

    private static final String COBALT_COALITION_EXPOSURE = """
            query CobaltCoalitionExposure {
              mineral(id: "cobalt") {
                id
                name
                coalitionExposure { country { code } exposureScore rank }
              }
            }
            """;

    private static final String SCENARIO = """
            query Scenario($imposing: ID!, $minerals: [String!]!, $targets: [String], $activeOn: Date, $year: Int) {
              exportControlScenario(imposingCountry: $imposing, minerals: $minerals, targets: $targets,
                                    activeOn: $activeOn, year: $year) {
                activeOn
                notes
                minerals {
                  mineral { id }
                  mining { ...Stage }
                  refining { ...Stage }
                }
                hitMembers {
                  id
                  member { code name }
                  agreements { id title }
                  commitments { id kind description obligor { code } mineral { id } targetAmount currency agreement { id } }
                }
                activeControls { id measure effectiveOn }
              }
            }

            fragment Stage on ScenarioStage {
              dataset
              year
              basis
              imposingSharePct
              imposingShareSource { refs url }
              missing
              substitutes { country { code } sharePct }
            }
            """;

    private static final String GERMANIUM_PRICE_MOVES = """
            query GermaniumPriceMoves {
              exportControls(imposingCountry: "CN", mineral: "germanium") {
                id
                effectiveOn
                priceMoves {
                  mineral { id }
                  series
                  unitCurrency
                  beforePeriod
                  beforePrice
                  afterPeriod
                  afterPrice
                  changePct
                  missing
                  source { refs }
                }
              }
            }
            """;

    private static final String DASHBOARD = """
            query Dashboard {
              commitmentsDashboard(dueWithinDays: 90) {
                asOf
                total
                byStatus { status count }
                byObligor { key total }
                byAgreement { key total }
                dueSoon { id dueOn status obligor { code } agreement { id title } }
              }
            }
            """;

    private static final String CONCENTRATION_SUMMARY = """
            query RefiningConcentrationSummary {
              refiningConcentrationSummary {
                year
                averageTop3SharePct
                mineralsCounted
                missing
                concentrations { mineral { id } dataset year top3SharePct hhi chinaSharePct leader { code name } }
              }
            }
            """;

    /** Agreements relevant to Japan for rare earths (agreement-service's ScenarioImpactTest, same seed). */
    static final Set<String> JAPAN_RARE_EARTH_AGREEMENTS = Set.of("AG-G7-2025-CMAP", "AG-JP-AU-2011-LYNAS",
            "AG-JP-AU-2022-CMP", "AG-JP-AU-2022-LYNAS", "AG-JP-AU-2023-LYNAS", "AG-MSP-2022", "AG-QUAD-2025-CMI",
            "AG-US-JP-2025-FW");
    static final Set<String> JAPAN_RARE_EARTH_COMMITMENTS = Set.of("CM-0008", "CM-0009", "CM-0010", "CM-0011",
            "CM-0016", "CM-0017", "CM-0024", "CM-0025", "CM-0026", "CM-0027");

    @AfterAll
    static void whereTheExamplesAre() {
        step("analytics examples (real output, abridged): " + AnalyticsExamples.file());
    }

    @Test
    @Order(1)
    void usMemberAsksWhereTheUsIsExposed() {
        step("issue 7: where is the US exposed? (country-service figures -> mineral-service score via @requires)");
        var measured = AnalyticsExamples.run("Where is the US exposed? (Country.exposure)", "us-member", US_EXPOSURE,
                Map.of());
        Graphql.Result result = measured.result();
        List<Map<String, Object>> exposure = result.get("data.country.exposure");

        Map<String, Object> rareEarths = byMineral(exposure, "rare_earths");
        assertPct(67.0, rareEarths.get("netImportReliancePct"));
        assertPct(71.0, rareEarths.get("chinaShareOfImportsPct"));
        assertPct(47.57, rareEarths.get("exposureScore"));
        assertEquals("net import reliance x China's share of US's imports / 100", rareEarths.get("scoreBasis"));
        // there is no refining table for rare earths as a whole, and the answer says so instead of guessing
        assertNull(rareEarths.get("chinaWorldRefiningSharePct"), result.body());
        assertEquals(List.of("no refining supply-share table for rare_earths in the data"), rareEarths.get("missing"));
        step("  rare_earths: NIR 67% x China 71% of imports = " + rareEarths.get("exposureScore"));

        // the two inputs are country-service's published figures with their source (USGS MCS 2026, [S02])
        List<Map<String, Object>> figures = result.get("data.country.dependencies");
        Map<String, Object> nir = only(figures, f -> "net_import_reliance".equals(f.get("indicator")));
        Map<String, Object> chinaShare = only(figures, f -> "china_share_of_imports".equals(f.get("indicator")));
        assertPct(67.0, nir.get("value"));
        assertEquals("2025e", nir.get("period"));
        assertPct(71.0, chinaShare.get("value"));
        assertEquals("2021-2024", chinaShare.get("period"));
        for (Map<String, Object> figure : figures) {
            assertEquals(List.of("S02"), source(figure).get("refs"), result.body());
            assertTrue(String.valueOf(source(figure).get("url")).contains("mcs2026-rare-earths"), result.body());
        }

        // China's share of world refining comes with its own dataset, year and source
        Map<String, Object> graphite = byMineral(exposure, "graphite");
        assertPct(95.7, graphite.get("chinaWorldRefiningSharePct"));
        assertEquals("IEA", graphite.get("refiningDataset"));
        assertEquals(2024, graphite.get("refiningYear"));
        assertEquals(List.of("S01"), ((Map<?, ?>) graphite.get("refiningSource")).get("refs"));

        // without China's share of US imports the score falls back to the refining share, and says so
        Map<String, Object> cobalt = byMineral(exposure, "cobalt");
        assertPct(79.0, cobalt.get("netImportReliancePct"));
        assertNull(cobalt.get("chinaShareOfImportsPct"));
        assertPct(78.4, cobalt.get("chinaWorldRefiningSharePct"));
        assertPct(61.94, cobalt.get("exposureScore"));
        assertTrue(String.valueOf(cobalt.get("scoreBasis")).contains("PROXY"), result.body());

        // a published bound stays a bound
        Map<String, Object> germanium = byMineral(exposure, "germanium");
        assertPct(20.5, germanium.get("exposureScore"));
        assertTrue(String.valueOf(germanium.get("scoreBasis")).contains("LOWER BOUND"), result.body());

        // nothing is guessed: no share known, no score, with the reasons
        Map<String, Object> manganese = byMineral(exposure, "manganese");
        assertNull(manganese.get("exposureScore"));
        assertTrue(((List<?>) manganese.get("missing")).contains(
                "no score: neither China's share of imports nor of world refining is known"), result.body());
    }

    @Test
    @Order(2)
    void cobaltExposureRanksTheCoalitionMembers() {
        step("issue 7: coalition-wide cobalt exposure (mineral -> country-service figures -> score via @requires)");
        var measured = AnalyticsExamples.run("Coalition exposure to cobalt (Mineral.coalitionExposure)", "us-member",
                COBALT_COALITION_EXPOSURE, Map.of());
        List<Map<String, Object>> ranking = measured.result().get("data.mineral.coalitionExposure");
        assertEquals(COALITION, codes(ranking, "country"), "every coalition member is listed once");
        assertEquals(12, ranking.size());
        assertEquals("US", ((Map<?, ?>) ranking.get(0).get("country")).get("code"));
        assertPct(61.94, ranking.get(0).get("exposureScore"));
        assertEquals(1, ranking.get(0).get("rank"));
        // only the US has net import reliance figures in the data: the others are listed unscored and unranked
        for (Map<String, Object> member : ranking.subList(1, ranking.size())) {
            assertNull(member.get("exposureScore"), measured.result().body());
            assertNull(member.get("rank"), measured.result().body());
        }
    }

    @Test
    @Order(3)
    void rareEarthHaltToJapan2010() {
        step("issue 7 scenario: the 2010 rare-earth halt to Japan (mineral-service -> agreement-service via @requires)");
        Graphql.Result result = AnalyticsExamples.run("Scenario: the 2010 rare-earth halt to Japan", "jp-member",
                SCENARIO, scenario(List.of("rare_earths"), "JP", "2010-10-01", 2024)).result();
        String at = "data.exportControlScenario.";
        assertEquals("2010-10-01", result.get(at + "activeOn"));
        Map<String, Object> mining = result.get(at + "minerals[0].mining");
        assertEquals("USGS", mining.get("dataset"));
        assertEquals(2024, mining.get("year"));
        assertEquals("reported_usgs", mining.get("basis"));
        assertPct(71.1, mining.get("imposingSharePct"));
        assertEquals(List.of("S02"), ((Map<?, ?>) mining.get("imposingShareSource")).get("refs"));
        assertTrue(String.valueOf(((Map<?, ?>) mining.get("imposingShareSource")).get("url"))
                .contains("mcs2026-rare-earths"), result.body());
        List<Map<String, Object>> substitutes = list(mining.get("substitutes"));
        assertEquals("US", ((Map<?, ?>) substitutes.get(0).get("country")).get("code"));
        assertPct(12.0, substitutes.get(0).get("sharePct"));
        assertTrue(codes(substitutes, "country").contains("AU"), "Australia (Lynas) is a substitute producer");
        assertNull(result.get(at + "minerals[0].refining.imposingSharePct"));
        assertEquals(List.of("no refining supply-share table for rare_earths in 2024 in the data"),
                result.get(at + "minerals[0].refining.missing"));
        assertEquals(List.of("EC-2010-JP-REE"), result.get(at + "activeControls.id"));

        Map<String, Object> japan = onlyHitMember(result, "JP", "Japan");
        assertEquals("JP|rare_earths|AU,BR,IN,MG,MM,NG,RU,TH,US,VN", japan.get("id"));
        assertEquals(JAPAN_RARE_EARTH_AGREEMENTS, seededIds(japan.get("agreements")));
        List<String> lynas = list(japan.get("agreements")).stream().map(a -> String.valueOf(a.get("title")))
                .filter(t -> t.contains("Lynas")).toList();
        assertEquals(3, lynas.size(), "the three Japan-Australia Lynas deals: " + lynas);
        assertEquals(JAPAN_RARE_EARTH_COMMITMENTS, seededIds(japan.get("commitments")));
        step("  JP hit; " + list(japan.get("agreements")).size() + " agreements (Lynas: " + lynas + "), "
                + list(japan.get("commitments")).size() + " commitments");
    }

    @Test
    @Order(4)
    void galliumGermaniumAntimonyBanToTheUs2024() {
        step("issue 7 scenario: the December 2024 gallium/germanium/antimony ban to the US");
        Graphql.Result result = AnalyticsExamples.run("Scenario: the December 2024 gallium, germanium and antimony "
                + "ban to the US", "us-member", SCENARIO,
                scenario(List.of("gallium", "germanium", "antimony"), "US", "2025-01-15", 2024)).result();
        String at = "data.exportControlScenario.";
        assertEquals(List.of("gallium", "germanium", "antimony"), result.get(at + "minerals.mineral.id"));

        Map<String, Object> gallium = result.get(at + "minerals[0].refining");
        assertEquals("USGS", gallium.get("dataset"));
        assertEquals(2024, gallium.get("year"));
        assertPct(98.9, gallium.get("imposingSharePct"));
        assertEquals(List.of("S02"), ((Map<?, ?>) gallium.get("imposingShareSource")).get("refs"));
        assertTrue(String.valueOf(((Map<?, ?>) gallium.get("imposingShareSource")).get("url"))
                .contains("mcs2026-gallium"), result.body());
        assertEquals(List.of("RU", "JP"), list(gallium.get("substitutes")).stream()
                .map(s -> ((Map<?, ?>) s.get("country")).get("code")).toList());
        assertEquals(List.of("no mining supply-share table for gallium in 2024 in the data"),
                result.get(at + "minerals[0].mining.missing"));

        // germanium: the data has no production table at all, and the answer says so
        assertNull(result.get(at + "minerals[1].mining.imposingSharePct"));
        assertNull(result.get(at + "minerals[1].refining.imposingSharePct"));
        assertEquals(List.of("no refining supply-share table for germanium in 2024 in the data"),
                result.get(at + "minerals[1].refining.missing"));

        // antimony: China and Russia tie at 33.6% of 2024 mine production
        Map<String, Object> antimony = result.get(at + "minerals[2].mining");
        assertPct(33.6, antimony.get("imposingSharePct"));
        Map<String, Object> russia = list(antimony.get("substitutes")).get(0);
        assertEquals("RU", ((Map<?, ?>) russia.get("country")).get("code"));
        assertPct(33.6, russia.get("sharePct"));
        assertEquals(List.of("EC-2023-GAGE", "EC-2024-SB", "EC-2024-US-GAGESB"), result.get(at + "activeControls.id"));

        Map<String, Object> us = onlyHitMember(result, "US", "United States");
        assertEquals("US|antimony,gallium,germanium|AU,BO,IR,JP,KG,KZ,LA,MM,MX,PK,RU,TJ,TR,VN", us.get("id"));
        assertEquals(Set.of("AG-G7-2025-CMAP", "AG-QUAD-2025-CMI", "AG-US-AU-2025-FW", "AG-US-JP-2025-FW"),
                seededIds(us.get("agreements")));
        List<Map<String, Object>> commitments = list(us.get("commitments"));
        assertEquals(Set.of("CM-0003", "CM-0004", "CM-0005", "CM-0008", "CM-0009", "CM-0010", "CM-0011", "CM-0016",
                "CM-0017"), seededIds(commitments));
        // the US-Australia framework's gallium commitment: Australia's US$200m equity in the Wagerup project
        Map<String, Object> wagerup = only(commitments, c -> "CM-0005".equals(c.get("id")));
        assertEquals("AG-US-AU-2025-FW", ((Map<?, ?>) wagerup.get("agreement")).get("id"));
        assertEquals("AU", ((Map<?, ?>) wagerup.get("obligor")).get("code"));
        assertEquals("gallium", ((Map<?, ?>) wagerup.get("mineral")).get("id"));
        assertEquals("EQUITY", wagerup.get("kind"));
        assertPct(200_000_000.0, wagerup.get("targetAmount"));
        assertEquals("USD", wagerup.get("currency"));
        assertTrue(String.valueOf(wagerup.get("description")).contains("Wagerup gallium"), result.body());
        step("  US hit; " + seededIds(us.get("agreements")) + "; gallium commitment: " + wagerup.get("description"));
    }

    @Test
    @Order(5)
    void dualUseBanToJapan2026() {
        step("issue 7 scenario: the January 2026 dual-use ban to Japan (latest data year)");
        List<String> minerals = List.of("rare_earths", "dysprosium", "terbium", "samarium", "gadolinium", "lutetium",
                "scandium", "yttrium");
        Graphql.Result result = AnalyticsExamples.run("Scenario: the January 2026 dual-use ban to Japan", "jp-member",
                SCENARIO, scenario(minerals, "JP", "2026-01-10", null)).result();
        String at = "data.exportControlScenario.";
        assertEquals(minerals, result.get(at + "minerals.mineral.id"));
        Map<String, Object> rareEarths = result.get(at + "minerals[0].mining");
        assertEquals(2025, rareEarths.get("year"));
        assertEquals("estimate_usgs", rareEarths.get("basis"));
        assertPct(69.2, rareEarths.get("imposingSharePct"));
        assertEquals(List.of("S02"), ((Map<?, ?>) rareEarths.get("imposingShareSource")).get("refs"));
        // the seven heavy rare earths have no supply tables: null with the reason
        assertNull(result.get(at + "minerals[1].mining.imposingSharePct"));
        assertEquals(List.of("no mining supply-share table for dysprosium in the data"),
                result.get(at + "minerals[1].mining.missing"));
        // the April 2025 licences and the 2023 technology ban stay; the October 2025 measures are suspended
        List<String> active = result.get(at + "activeControls.id");
        assertTrue(active.containsAll(List.of("EC-2023-REETECH", "EC-2025-7REE", "EC-2026-JP-DUALUSE")), result.body());
        assertFalse(active.contains("EC-2025-OCT-REE"), result.body());

        Map<String, Object> japan = onlyHitMember(result, "JP", "Japan");
        assertEquals("JP|dysprosium,gadolinium,lutetium,rare_earths,samarium,scandium,terbium,yttrium"
                + "|AU,BR,IN,MG,MM,NG,RU,TH,US", japan.get("id"));
        assertEquals(JAPAN_RARE_EARTH_AGREEMENTS, seededIds(japan.get("agreements")));
        assertEquals(JAPAN_RARE_EARTH_COMMITMENTS, seededIds(japan.get("commitments")));
        step("  active controls " + active + "; JP: same agreements and commitments as in 2010");
    }

    @Test
    @Order(6)
    void germaniumPriceMovesAroundTheControls() {
        step("issue 7: price moves around China's germanium controls");
        Graphql.Result result = AnalyticsExamples.run("Price moves around China's germanium controls", "us-member",
                GERMANIUM_PRICE_MOVES, Map.of()).result();
        List<Map<String, Object>> controls = result.get("data.exportControls");
        Map<String, Object> ban = only(controls, c -> "EC-2024-US-GAGESB".equals(c.get("id")));
        assertEquals("2024-12-03", ban.get("effectiveOn"));
        Map<String, Object> metal = only(list(ban.get("priceMoves")), m -> "germanium".equals(mineralId(m))
                && String.valueOf(m.get("series")).startsWith("Germanium metal, 99.999%"));
        assertEquals("2024", metal.get("beforePeriod"));
        assertPct(1991.0, metal.get("beforePrice"));
        assertEquals("2025", metal.get("afterPeriod"));
        assertPct(4100.0, metal.get("afterPrice"));
        assertPct(105.93, metal.get("changePct"));
        assertEquals("USD/kg", metal.get("unitCurrency"));
        assertEquals(List.of("S02"), source(metal).get("refs"));
        step("  germanium metal around EC-2024-US-GAGESB: 2024 1991 -> 2025 4100 USD/kg, " + metal.get("changePct") + " %");

        // the monthly series starts in 2025: no point before the ban, so no change, and the reason
        Map<String, Object> monthly = only(list(ban.get("priceMoves")), m -> "germanium".equals(mineralId(m))
                && "Germanium metal 99.999%, Europe".equals(m.get("series")));
        assertNull(monthly.get("changePct"));
        assertEquals(List.of("no point of this series before 2024-12-03"), monthly.get("missing"));

        // the August 2023 licensing regime: the same series one year earlier
        Map<String, Object> licence = only(controls, c -> "EC-2023-GAGE".equals(c.get("id")));
        Map<String, Object> earlier = only(list(licence.get("priceMoves")), m -> "germanium".equals(mineralId(m))
                && String.valueOf(m.get("series")).startsWith("Germanium metal, 99.999%"));
        assertEquals("2023", earlier.get("beforePeriod"));
        assertPct(43.03, earlier.get("changePct"));
    }

    @Test
    @Order(7)
    void commitmentsDashboardShowsWhatEachRoleMaySee() {
        Graphql graphql = RunningStack.graphql();
        String admin = RunningStack.keycloak().token("coalition-admin");
        step("coalition-admin creates a PARTIES agreement US-JP with a commitment due in 30 days (hidden from DE)");
        String hidden = graphql.call(admin, """
                mutation Create($input: NewAgreement!) { createAgreement(input: $input) { id } }
                """, Map.of("input", RolesSeeWhatTheDesignSaysTest.newAgreement(
                "E2E dashboard US-JP " + System.nanoTime(), "PARTIES", List.of("US", "JP")))).withoutErrors()
                .get("data.createAgreement.id");
        String due = LocalDate.now().plusDays(30).toString();
        String commitment = graphql.call(admin, """
                mutation Add($agreementId: ID!, $input: NewCommitment!) {
                  addCommitment(agreementId: $agreementId, input: $input) { id }
                }
                """, Map.of("agreementId", hidden, "input", Map.of("obligor", "JP", "kind", "offtake",
                "description", "Japan buys 500 t of lithium (e2e)", "mineral", "lithium", "targetQuantity", 500.0,
                "unit", "t", "dueOn", due))).withoutErrors().get("data.addCommitment.id");

        step("issue 7: commitments dashboard as coalition-admin and as de-member");
        Graphql.Result asAdmin = AnalyticsExamples.run("Commitments dashboard (coalition-admin)", "coalition-admin",
                DASHBOARD, Map.of()).result();
        Graphql.Result asGermany = AnalyticsExamples.run("Commitments dashboard (de-member)", "de-member", DASHBOARD,
                Map.of()).result();

        for (Graphql.Result dashboard : List.of(asAdmin, asGermany)) {
            int total = dashboard.get("data.commitmentsDashboard.total");
            List<Integer> byStatus = dashboard.get("data.commitmentsDashboard.byStatus.count");
            List<Integer> byObligor = dashboard.get("data.commitmentsDashboard.byObligor.total");
            List<Integer> byAgreement = dashboard.get("data.commitmentsDashboard.byAgreement.total");
            assertEquals(total, byStatus.stream().mapToInt(Integer::intValue).sum(), dashboard.body());
            assertEquals(total, byObligor.stream().mapToInt(Integer::intValue).sum(), dashboard.body());
            assertEquals(total, byAgreement.stream().mapToInt(Integer::intValue).sum(), dashboard.body());
            assertEquals(LocalDate.now().toString(), dashboard.get("data.commitmentsDashboard.asOf"));
        }

        Map<String, Integer> adminAgreements = counts(asAdmin, "byAgreement");
        Map<String, Integer> germanAgreements = counts(asGermany, "byAgreement");
        // the 31 seeded commitments are public: both see them
        int seeded = germanAgreements.entrySet().stream().filter(e -> isSeeded(e.getKey()))
                .mapToInt(Map.Entry::getValue).sum();
        assertEquals(31, seeded, asGermany.body());
        assertEquals(seeded, adminAgreements.entrySet().stream().filter(e -> isSeeded(e.getKey()))
                .mapToInt(Map.Entry::getValue).sum(), asAdmin.body());
        // the admin also sees the PARTIES agreements without Germany (this one, and any earlier scenario's)
        assertEquals(1, adminAgreements.get(hidden), asAdmin.body());
        assertFalse(germanAgreements.containsKey(hidden), asGermany.body());
        Set<String> onlyAdmin = new TreeSet<>(adminAgreements.keySet());
        onlyAdmin.removeAll(germanAgreements.keySet());
        int adminTotal = asAdmin.get("data.commitmentsDashboard.total");
        int germanTotal = asGermany.get("data.commitmentsDashboard.total");
        assertEquals(adminTotal - germanTotal, onlyAdmin.stream().mapToInt(adminAgreements::get).sum(),
                "the difference is exactly the commitments of agreements de-member may not see");
        List<String> adminDue = asAdmin.get("data.commitmentsDashboard.dueSoon.id");
        List<String> germanDue = asGermany.get("data.commitmentsDashboard.dueSoon.id");
        assertTrue(adminDue.contains(commitment), asAdmin.body());
        assertFalse(germanDue.contains(commitment), asGermany.body());
        step("  coalition-admin: " + adminTotal + " commitments (" + onlyAdmin.size()
                + " PARTIES agreements without DE), due in 90 days " + adminDue.size() + "; de-member: " + germanTotal
                + ", due in 90 days " + germanDue.size() + "; by status (admin) "
                + asAdmin.get("data.commitmentsDashboard.byStatus"));
    }

    @Test
    @Order(8)
    void averageTopThreeRefiningConcentrationMatchesTheIeaHeadline() {
        step("issue 7: average top-3 refining concentration 2024 (IEA publishes 86% [S04])");
        Graphql.Result result = AnalyticsExamples.run("Average top-3 refining concentration, 2024", "de-member",
                CONCENTRATION_SUMMARY, Map.of()).result();
        String at = "data.refiningConcentrationSummary.";
        assertEquals(2024, result.<Integer>get(at + "year"));
        assertEquals(6, result.<Integer>get(at + "mineralsCounted"));
        assertEquals(List.of(), result.get(at + "missing"));
        assertEquals(List.of("copper", "lithium", "nickel", "cobalt", "graphite", "rare_earths_magnet"),
                result.get(at + "concentrations.mineral.id"));
        List<Object> top3 = result.get(at + "concentrations.top3SharePct");
        double[] expected = {57.2, 96.1, 77.8, 88.7, 98.2, 97.0};
        for (int i = 0; i < expected.length; i++) {
            assertPct(expected[i], top3.get(i));
        }
        double average = ((Number) result.get(at + "averageTop3SharePct")).doubleValue();
        assertPct(85.83, average);
        // [S04] (IEA critical minerals topic page) rounds the same six minerals to 86% for 2024
        assertEquals(86, Math.round(average), "IEA's published 86% [S04]");
        List<Map<String, Object>> concentrations = result.get(at + "concentrations");
        assertPct(95.7, only(concentrations, c -> "graphite".equals(mineralId(c))).get("chinaSharePct"));
        assertPct(91.3, only(concentrations, c -> "rare_earths_magnet".equals(mineralId(c))).get("chinaSharePct"));
        assertEquals("ID", ((Map<?, ?>) only(concentrations, c -> "nickel".equals(mineralId(c))).get("leader"))
                .get("code"), "Indonesia leads nickel refining");
        step("  mean top-3 " + result.get(at + "averageTop3SharePct")
                + "% (IEA: 86% [S04]); graphite China 95.7%, magnet rare earths China 91.3%");
    }

    private static Map<String, Object> scenario(List<String> minerals, String target, String activeOn, Integer year) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("imposing", "CN");
        variables.put("minerals", minerals);
        variables.put("targets", List.of(target));
        variables.put("activeOn", activeOn);
        if (year != null) {
            variables.put("year", year);
        }
        return variables;
    }

    private static Map<String, Object> onlyHitMember(Graphql.Result result, String code, String name) {
        List<Map<String, Object>> hit = result.get("data.exportControlScenario.hitMembers");
        assertEquals(1, hit.size(), result.body());
        Map<?, ?> member = (Map<?, ?>) hit.get(0).get("member");
        assertEquals(code, member.get("code"));
        assertEquals(name, member.get("name"), "member.name comes from country-service");
        return hit.get(0);
    }

    private static Map<String, Integer> counts(Graphql.Result dashboard, String grouping) {
        Map<String, Integer> counts = new HashMap<>();
        List<Map<String, Object>> groups = dashboard.get("data.commitmentsDashboard." + grouping);
        groups.forEach(g -> counts.put(String.valueOf(g.get("key")), (Integer) g.get("total")));
        return counts;
    }

    /** Seeded agreement ids name their parties and year (AG-US-AU-2025-FW); created ones are AG- plus hex. */
    private static boolean isSeeded(String agreementId) {
        return !agreementId.matches("AG-[0-9A-F]{8}");
    }

    /** Ids of seeded agreements or commitments (other e2e classes add agreements of their own). */
    private static Set<String> seededIds(Object elements) {
        Set<String> ids = new TreeSet<>();
        for (Map<String, Object> element : list(elements)) {
            String id = String.valueOf(element.get("id"));
            Object agreement = element.get("agreement");
            String agreementId = agreement instanceof Map<?, ?> a ? String.valueOf(a.get("id")) : id;
            if (isSeeded(agreementId)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static Map<String, Object> byMineral(List<Map<String, Object>> rows, String mineral) {
        return only(rows, r -> mineral.equals(mineralId(r)));
    }

    private static String mineralId(Map<String, Object> row) {
        return row.get("mineral") instanceof Map<?, ?> m ? String.valueOf(m.get("id")) : null;
    }

    private static Map<String, Object> only(List<Map<String, Object>> rows, Predicate<Map<String, Object>> which) {
        List<Map<String, Object>> found = rows.stream().filter(which).toList();
        assertEquals(1, found.size(), "exactly one match expected in " + rows);
        return found.get(0);
    }

    private static Set<String> codes(List<Map<String, Object>> rows, String countryField) {
        Set<String> codes = new HashSet<>();
        rows.forEach(r -> codes.add(String.valueOf(((Map<?, ?>) r.get(countryField)).get("code"))));
        return codes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> source(Map<String, Object> row) {
        Object source = row.get("source");
        assertNotNull(source, "every figure carries its source: " + row);
        return (Map<String, Object>) source;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        assertNotNull(value);
        return (List<Map<String, Object>>) value;
    }

    /** JSON numbers arrive as Float or Integer; the data has at most two decimals. */
    private static void assertPct(double expected, Object actual) {
        assertNotNull(actual, "expected " + expected);
        assertEquals(expected, ((Number) actual).doubleValue(), Math.max(1e-4, Math.abs(expected) * 1e-6),
                "expected " + expected + ", got " + actual);
    }
}
