package org.lodestone.agreement;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * ScenarioImpact.agreements and .commitments on the seeded agreements, for the three real export controls of the
 * data, posted as the gateway would: {@code _entities} with the key and the {@code @requires} fields.
 * Substitute producers are the non-Chinese producers with a share above zero in the latest observed table
 * of the shared supply_shares.csv, as mineral-service picks them: rare earths mining USGS 2025 (no refining table);
 * gallium refining USGS 2025 (JP, RU); antimony mining USGS 2025; no germanium table.
 * Other test classes create agreements (ids "T-...") in the same database, so exact sets are over seeded ids.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ScenarioImpactTest {

    static final List<String> RARE_EARTH_PRODUCERS = List.of("AU", "BR", "IN", "MG", "MM", "NG", "RU", "TH", "US");
    static final List<String> GA_GE_SB_PRODUCERS = List.of("AU", "BO", "IR", "JP", "KG", "KZ", "LA", "MM", "MX", "PK",
            "RU", "TJ", "TR", "VN");
    static final List<String> DUAL_USE_2026 = List.of("rare_earths", "dysprosium", "gadolinium", "lutetium", "samarium",
            "scandium", "terbium", "yttrium");

    static final Set<String> JAPAN_RARE_EARTH_AGREEMENTS = Set.of("AG-G7-2025-CMAP", "AG-JP-AU-2011-LYNAS",
            "AG-JP-AU-2022-CMP", "AG-JP-AU-2022-LYNAS", "AG-JP-AU-2023-LYNAS", "AG-MSP-2022", "AG-QUAD-2025-CMI",
            "AG-US-JP-2025-FW");
    static final Set<String> JAPAN_RARE_EARTH_COMMITMENTS = Set.of(
            "AG-G7-2025-CMAP JP ROADMAP -", "AG-G7-2025-CMAP US ROADMAP -",
            "AG-JP-AU-2011-LYNAS JP FINANCING rare_earths", "AG-JP-AU-2022-LYNAS JP EQUITY rare_earths",
            "AG-JP-AU-2023-LYNAS AU OFFTAKE heavy_rare_earths", "AG-JP-AU-2023-LYNAS JP FINANCING heavy_rare_earths",
            "AG-US-JP-2025-FW JP MINISTERIAL_MEETING -", "AG-US-JP-2025-FW JP PROJECT_SUPPORT -",
            "AG-US-JP-2025-FW US MINISTERIAL_MEETING -", "AG-US-JP-2025-FW US PROJECT_SUPPORT -");

    static final String ENTITIES = """
            query($reps: [_Any!]!) { _entities(representations: $reps) { ... on ScenarioImpact {
              id memberCode mineralIds producerCodes
              agreements { id status parties { code } minerals { id } }
              commitments { id agreement { id } obligor { code } kind mineral { id } } } } }""";

    @Inject
    SessionFactory sessionFactory;

    @Test
    void rareEarthHaltToJapan2010() {
        JsonPath impact = entity(TestTokens.member("JP"), rep("JP", List.of("rare_earths"), RARE_EARTH_PRODUCERS));
        assertEquals("JP|rare_earths|AU,BR,IN,MG,MM,NG,RU,TH,US", impact.getString("id"));
        assertEquals(JAPAN_RARE_EARTH_AGREEMENTS, seededAgreements(impact));
        assertEquals(JAPAN_RARE_EARTH_COMMITMENTS, seededCommitments(impact));
        // the US-Japan 2023 agreement is in force but covers battery minerals, not rare earths
        assertFalse(seededAgreements(impact).contains("AG-US-JP-2023-CMA"));

        // with only the three largest substitutes the Japan-Australia (Lynas) deals, QUAD, MSP, G7 and the US-Japan
        // framework still qualify through Australia or the United States
        JsonPath top3 = entity(TestTokens.member("JP"), rep("JP", List.of("rare_earths"), List.of("AU", "MM", "US")));
        assertEquals(JAPAN_RARE_EARTH_AGREEMENTS, seededAgreements(top3));
    }

    @Test
    void galliumGermaniumAntimonyBanToUnitedStates2024() {
        JsonPath impact = entity(TestTokens.member("US"),
                rep("US", List.of("antimony", "gallium", "germanium"), GA_GE_SB_PRODUCERS));
        assertEquals(Set.of("AG-G7-2025-CMAP", "AG-QUAD-2025-CMI", "AG-US-AU-2025-FW", "AG-US-JP-2025-FW"),
                seededAgreements(impact));
        Set<String> commitments = seededCommitments(impact);
        assertEquals(Set.of("AG-G7-2025-CMAP JP ROADMAP -", "AG-G7-2025-CMAP US ROADMAP -",
                "AG-US-AU-2025-FW AU EQUITY gallium", "AG-US-AU-2025-FW AU INVESTMENT -",
                "AG-US-AU-2025-FW US INVESTMENT -", "AG-US-JP-2025-FW JP MINISTERIAL_MEETING -",
                "AG-US-JP-2025-FW JP PROJECT_SUPPORT -", "AG-US-JP-2025-FW US MINISTERIAL_MEETING -",
                "AG-US-JP-2025-FW US PROJECT_SUPPORT -"), commitments);
        // Australia's Wagerup gallium equity is in, its Nolans rare-earth equity is not (another mineral)
        assertFalse(commitments.contains("AG-US-AU-2025-FW AU EQUITY rare_earths"));
        // the Korea-US germanium offtake names germanium, but Korea is not a germanium producer in the data
        assertFalse(seededAgreements(impact).contains("AG-KR-US-2025-KZLM"));
    }

    @Test
    void dualUseBanToJapan2026() {
        JsonPath impact = entity(TestTokens.member("JP"), rep("JP", DUAL_USE_2026, RARE_EARTH_PRODUCERS));
        assertEquals(JAPAN_RARE_EARTH_AGREEMENTS, seededAgreements(impact));
        assertEquals(JAPAN_RARE_EARTH_COMMITMENTS, seededCommitments(impact));
    }

    @Test
    void germaniumWithKoreaAsProducerFindsTheOfftake() {
        JsonPath impact = entity(TestTokens.analyst(), rep("US", List.of("germanium"), List.of("KR")));
        // both are MSP members too, but the MSP list names no germanium and no general scope
        assertEquals(Set.of("AG-KR-US-2025-KZLM"), seededAgreements(impact));
    }

    @Test
    void statusArgumentFiltersAgreementsAndCommitments() {
        String query = """
                query($reps: [_Any!]!) { _entities(representations: $reps) { ... on ScenarioImpact {
                  inForce: agreements(status: [IN_FORCE]) { id }
                  signed: agreements(status: [SIGNED]) { id }
                  none: agreements(status: []) { id }
                  inForceCommitments: commitments(status: [IN_FORCE]) { id agreement { id } } } } }""";
        JsonPath lithium = JsonPath.from(GraphQL.ok(TestTokens.member("JP"), query,
                Map.of("reps", List.of(rep("JP", List.of("lithium"), List.of("US")))))
                .body("errors", nullValue()).extract().asString());
        // the only agreement the seed marks IN_FORCE: it entered into force on signature
        assertEquals(Set.of("AG-US-JP-2023-CMA"), seeded(lithium.getList("data._entities[0].inForce.id")));
        assertEquals(Set.of("AG-US-JP-2023-CMA"),
                seeded(lithium.getList("data._entities[0].inForceCommitments.agreement.id")));
        assertTrue(lithium.<String>getList("data._entities[0].signed.id").contains("AG-MSP-2022"), lithium.prettify());
        assertEquals(List.of(), lithium.getList("data._entities[0].none"), "an empty status list matches nothing");
    }

    @Test
    void threeScenariosInOneRequestCostOneStatementPerField() {
        List<Map<String, Object>> reps = List.of(
                rep("JP", List.of("rare_earths"), RARE_EARTH_PRODUCERS),
                rep("US", List.of("antimony", "gallium", "germanium"), GA_GE_SB_PRODUCERS),
                rep("JP", DUAL_USE_2026, RARE_EARTH_PRODUCERS));
        var statistics = sessionFactory.getStatistics();
        statistics.clear();
        // an alias with other arguments reuses the request's snapshot: still one statement per field
        String query = ENTITIES.replace("agreements {", "inForce: agreements(status: [IN_FORCE]) { id } agreements {");
        JsonPath body = JsonPath.from(GraphQL.ok(TestTokens.admin(), query, Map.of("reps", reps))
                .body("errors", nullValue()).body("data._entities", hasSize(3)).extract().asString());
        assertEquals(2, statistics.getPrepareStatementCount(), "one statement for agreements, one for commitments");
        assertEquals(Set.of(), seeded(body.getList("data._entities[0].inForce.id")));
        // answers come back in the representations' order
        assertEquals(List.of("JP", "US", "JP"), body.getList("data._entities.memberCode"));
        assertTrue(seededAgreements(body, 1).contains("AG-US-AU-2025-FW"));
        assertEquals(JAPAN_RARE_EARTH_AGREEMENTS, seededAgreements(body, 2));
    }

    @Test
    void keyOnlyRepresentationIsReadFromTheId() {
        // mineral-service spells the scenario out in the id, so a representation without the @requires fields works
        List<Map<String, Object>> reps = List.of(
                Map.of("__typename", "ScenarioImpact", "id", "JP|rare_earths|AU,MM,US"),
                Map.of("__typename", "ScenarioImpact", "id", "not a scenario id"));
        JsonPath body = JsonPath.from(GraphQL.ok(TestTokens.member("JP"), ENTITIES, Map.of("reps", reps))
                .body("errors", nullValue()).body("data._entities", hasSize(2)).extract().asString());
        assertEquals("JP", body.getString("data._entities[0].memberCode"));
        assertEquals(List.of("AU", "MM", "US"), body.getList("data._entities[0].producerCodes"));
        assertEquals(JAPAN_RARE_EARTH_AGREEMENTS, seededAgreements(body, 0));
        assertNull(body.get("data._entities[1]"), "an id mineral-service could not have issued resolves to null");
    }

    @Test
    void partiesOnlyAgreementIsHiddenFromNonParties() {
        String hidden = Fixtures.agreement("SCN-PARTIES", "PARTIES", "SIGNED", List.of("JP", "AU"),
                List.of("rare_earths"), "2026-01-15");
        String commitment = Fixtures.commitment(hidden, "AU", 5.0e7, "USD", "2027-01-15");
        Map<String, Object> japan = rep("JP", List.of("rare_earths"), List.of("AU", "MM", "US"));

        // a party (Japan) and admins see it and its commitment
        for (String token : List.of(TestTokens.member("JP"), TestTokens.member("AU"), TestTokens.admin())) {
            JsonPath impact = entity(token, japan);
            assertTrue(impact.<String>getList("agreements.id").contains(hidden));
            assertTrue(impact.<String>getList("commitments.id").contains(commitment));
        }
        // a non-party member (the United States, itself a substitute producer) and analysts do not
        for (String token : List.of(TestTokens.member("US"), TestTokens.member("KR"), TestTokens.analyst())) {
            JsonPath impact = entity(token, japan);
            assertFalse(impact.<String>getList("agreements.id").contains(hidden));
            assertFalse(impact.<String>getList("commitments.id").contains(commitment));
            assertFalse(impact.<String>getList("commitments.agreement.id").contains(hidden));
            // the public agreements are still there
            assertEquals(JAPAN_RARE_EARTH_AGREEMENTS, seededAgreements(impact));
        }
    }

    private static Map<String, Object> rep(String member, List<String> minerals, List<String> producers) {
        List<String> sortedMinerals = minerals.stream().sorted().toList();
        List<String> sortedProducers = producers.stream().sorted().toList();
        String id = member + "|" + String.join(",", sortedMinerals) + "|" + String.join(",", sortedProducers);
        return Map.of("__typename", "ScenarioImpact", "id", id, "memberCode", member, "mineralIds", sortedMinerals,
                "producerCodes", sortedProducers);
    }

    /** Posts one representation and returns its entity, failing on any GraphQL error. */
    private static JsonPath entity(String token, Map<String, Object> rep) {
        String body = GraphQL.ok(token, ENTITIES, Map.of("reps", List.of(rep)))
                .body("errors", nullValue()).body("data._entities", hasSize(1)).extract().asString();
        return JsonPath.from(body).setRootPath("data._entities[0]");
    }

    private static Set<String> seededAgreements(JsonPath impact) {
        return seeded(impact.getList("agreements.id"));
    }

    private static Set<String> seededAgreements(JsonPath body, int index) {
        return seeded(body.getList("data._entities[" + index + "].agreements.id"));
    }

    private static Set<String> seededCommitments(JsonPath impact) {
        List<Map<String, Object>> commitments = impact.getList("commitments");
        Set<String> result = new TreeSet<>();
        for (Map<String, Object> c : commitments) {
            String agreement = (String) ((Map<?, ?>) c.get("agreement")).get("id");
            if (agreement.startsWith("T-")) {
                continue;
            }
            Object mineral = c.get("mineral") == null ? "-" : ((Map<?, ?>) c.get("mineral")).get("id");
            result.add(agreement + " " + ((Map<?, ?>) c.get("obligor")).get("code") + " " + c.get("kind") + " " + mineral);
        }
        return result;
    }

    private static Set<String> seeded(List<String> ids) {
        Set<String> result = new TreeSet<>();
        ids.stream().filter(id -> !id.startsWith("T-")).forEach(result::add);
        return result;
    }
}
