package org.lodestone.mineral;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** exportControlScenario against the three real cases in the data, with the shares' sources. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ScenarioTest {

    static final String SCENARIO = """
            query($imposing: ID!, $minerals: [String!]!, $targets: [String], $activeOn: Date, $year: Int) {
              exportControlScenario(imposingCountry: $imposing, minerals: $minerals, targets: $targets,
                                    activeOn: $activeOn, year: $year) {
                imposingCountry { code } activeOn targets { code } notes
                minerals {
                  mineral { id }
                  mining { dataset year basis imposingSharePct imposingShareSource { refs url } missing
                           substitutes { country { code } sharePct dataset year } }
                  refining { dataset year basis imposingSharePct imposingShareSource { refs url } missing
                             substitutes { country { code } sharePct } }
                }
                hitMembers { id memberCode member { code } mineralIds producerCodes }
                activeControls { id measure effectiveOn }
              }
            }""";

    private final String token = TestTokens.member("JP");

    @Test
    void rareEarthHaltToJapan2010() {
        String path = "data.exportControlScenario.";
        GraphQL.post(token, SCENARIO, Map.of("imposing", "CN", "minerals", List.of("rare_earths"),
                "targets", List.of("JP"), "activeOn", "2010-10-01", "year", 2024))
                .statusCode(200).body("errors", nullValue())
                .body(path + "activeOn", is("2010-10-01"))
                .body(path + "minerals[0].mining.dataset", is("USGS"))
                .body(path + "minerals[0].mining.year", is(2024))
                .body(path + "minerals[0].mining.basis", is("reported_usgs"))
                .body(path + "minerals[0].mining.imposingSharePct", is(71.1f))
                .body(path + "minerals[0].mining.imposingShareSource.refs", contains("S02"))
                .body(path + "minerals[0].mining.imposingShareSource.url", containsString("mcs2026-rare-earths"))
                .body(path + "minerals[0].mining.substitutes.country.code", contains("US", "AU", "MM", "IN", "RU",
                        "TH", "MG", "NG", "BR", "VN"))
                .body(path + "minerals[0].mining.substitutes[0].sharePct", is(12.0f))
                .body(path + "minerals[0].refining.imposingSharePct", nullValue())
                .body(path + "minerals[0].refining.missing",
                        contains("no refining supply-share table for rare_earths in 2024 in the data"))
                .body(path + "hitMembers", hasSize(1))
                .body(path + "hitMembers[0].memberCode", is("JP"))
                .body(path + "hitMembers[0].id", is("JP|rare_earths|AU,BR,IN,MG,MM,NG,RU,TH,US,VN"))
                .body(path + "activeControls.id", contains("EC-2010-JP-REE"));
    }

    @Test
    void galliumGermaniumAntimonyBanToTheUs2024() {
        String path = "data.exportControlScenario.";
        GraphQL.post(token, SCENARIO, Map.of("imposing", "CN", "minerals", List.of("gallium", "germanium", "antimony"),
                "targets", List.of("US"), "activeOn", "2025-01-15", "year", 2024))
                .statusCode(200).body("errors", nullValue())
                .body(path + "minerals.mineral.id", contains("gallium", "germanium", "antimony"))
                // gallium: USGS primary (refinery) production 2024
                .body(path + "minerals[0].refining.dataset", is("USGS"))
                .body(path + "minerals[0].refining.imposingSharePct", is(98.9f))
                .body(path + "minerals[0].refining.imposingShareSource.url", containsString("mcs2026-gallium"))
                .body(path + "minerals[0].refining.substitutes.country.code", contains("RU", "JP"))
                .body(path + "minerals[0].mining.missing", contains("no mining supply-share table for gallium in 2024 in the data"))
                // germanium: the data has no production table at all
                .body(path + "minerals[1].mining.imposingSharePct", nullValue())
                .body(path + "minerals[1].refining.imposingSharePct", nullValue())
                .body(path + "minerals[1].refining.missing", contains("no refining supply-share table for germanium in 2024 in the data"))
                // antimony: China and Russia tie at 33.6% of 2024 mine production
                .body(path + "minerals[2].mining.imposingSharePct", is(33.6f))
                .body(path + "minerals[2].mining.substitutes[0].country.code", is("RU"))
                .body(path + "minerals[2].mining.substitutes[0].sharePct", is(33.6f))
                .body(path + "minerals[2].mining.imposingShareSource.refs", contains("S02"))
                .body(path + "hitMembers.memberCode", contains("US"))
                .body(path + "hitMembers[0].mineralIds", contains("antimony", "gallium", "germanium"))
                .body(path + "hitMembers[0].producerCodes", hasItems("RU", "JP", "TJ"))
                .body(path + "activeControls.id", contains("EC-2023-GAGE", "EC-2024-SB", "EC-2024-US-GAGESB"));
    }

    @Test
    void theUsBanIsSuspendedFromNovember2025() {
        GraphQL.post(token, SCENARIO, Map.of("imposing", "CN", "minerals", List.of("gallium"),
                "targets", List.of("US"), "activeOn", "2025-12-01"))
                .statusCode(200).body("errors", nullValue())
                .body("data.exportControlScenario.activeControls.id", contains("EC-2023-GAGE"))
                // default year: the latest non-projection year (USGS 2025 estimate)
                .body("data.exportControlScenario.minerals[0].refining.year", is(2025))
                .body("data.exportControlScenario.minerals[0].refining.basis", is("estimate_usgs"))
                .body("data.exportControlScenario.minerals[0].refining.imposingSharePct", is(100.0f));
    }

    @Test
    void dualUseBanToJapan2026() {
        List<String> minerals = List.of("rare_earths", "dysprosium", "terbium", "samarium", "gadolinium", "lutetium",
                "scandium", "yttrium");
        String path = "data.exportControlScenario.";
        GraphQL.post(token, SCENARIO, Map.of("imposing", "CN", "minerals", minerals, "targets", List.of("JP"),
                "activeOn", "2026-01-10"))
                .statusCode(200).body("errors", nullValue())
                .body(path + "minerals", hasSize(8))
                .body(path + "minerals[0].mining.year", is(2025))
                .body(path + "minerals[0].mining.imposingSharePct", is(69.2f))
                .body(path + "minerals[1].mining.imposingSharePct", nullValue())
                .body(path + "minerals[1].mining.missing", contains("no mining supply-share table for dysprosium in the data"))
                .body(path + "hitMembers[0].mineralIds", contains("dysprosium", "gadolinium", "lutetium", "rare_earths",
                        "samarium", "scandium", "terbium", "yttrium"))
                // April 2025 licences and the 2023 technology ban stay; October 2025 measures are suspended
                .body(path + "activeControls.id", hasItems("EC-2023-REETECH", "EC-2025-7REE", "EC-2026-JP-DUALUSE"))
                .body(path + "activeControls.id", not(hasItem("EC-2025-OCT-REE")));
    }

    @Test
    void noTargetsHitsEveryCoalitionMemberButTheImposingOne() {
        GraphQL.post(token, SCENARIO, Map.of("imposing", "US", "minerals", List.of("graphite"), "activeOn",
                "2025-01-01"))
                .statusCode(200).body("errors", nullValue())
                .body("data.exportControlScenario.hitMembers.memberCode", contains("JP", "DE", "FR", "GB", "IT", "CA",
                        "EU", "AU", "IN", "KR", "MX"))
                .body("data.exportControlScenario.minerals[0].refining.dataset", is("IEA"))
                .body("data.exportControlScenario.minerals[0].refining.imposingSharePct", is(0.1f))
                .body("data.exportControlScenario.notes", contains("no targets given: every coalition member counts as hit"));
    }

    @Test
    void nonMemberTargetsAreNotedNotHit() {
        GraphQL.post(token, SCENARIO, Map.of("imposing", "CN", "minerals", List.of("graphite"),
                "targets", List.of("JP", "VN")))
                .statusCode(200).body("errors", nullValue())
                .body("data.exportControlScenario.hitMembers.memberCode", contains("JP"))
                .body("data.exportControlScenario.notes", contains("VN is not a coalition member, so it is not listed as hit"));
    }

    @Test
    void badInputIsRefusedWithItsCode() {
        GraphQL.post(token, SCENARIO, Map.of("imposing", "XX", "minerals", List.of("unobtainium")))
                .statusCode(200)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("unknown country code 'XX'"))
                .body("errors[0].message", containsString("unknown mineral 'unobtainium'"));
    }

    @Test
    void scenarioImpactResolvesFromItsId() {
        GraphQL.post(token, """
                query { _entities(representations: [
                    {__typename: "ScenarioImpact", id: "JP|rare_earths|AU,MM,US"},
                    {__typename: "ScenarioImpact", id: "not an id"}]) {
                  ... on ScenarioImpact { id memberCode member { code } mineralIds producerCodes } } }""")
                .statusCode(200).body("errors", nullValue())
                .body("data._entities[0].memberCode", is("JP"))
                .body("data._entities[0].mineralIds", contains("rare_earths"))
                .body("data._entities[0].producerCodes", contains("AU", "MM", "US"))
                .body("data._entities[1]", nullValue());
    }
}
