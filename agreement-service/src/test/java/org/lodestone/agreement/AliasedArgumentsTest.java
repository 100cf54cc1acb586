package org.lodestone.agreement;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The same field twice under different aliases with different arguments: each alias gets the answer for its own
 * arguments (gateways forward client aliases as written), and still one SQL statement per alias for all parents.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AliasedArgumentsTest {

    private static final String COUNTRY_AGREEMENTS = """
            query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Country { code
              signed: agreements(status: SIGNED) { id } inForce: agreements(status: IN_FORCE) { id } } } }""";

    private static final String COUNTRY_AGREEMENTS_ONE = """
            query($reps: [_Any!]!, $status: AgreementStatus) { _entities(representations: $reps) {
              ... on Country { agreements(status: $status) { id } } } }""";

    private static final String COUNTRY_COMMITMENTS = """
            query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Country { code
              all: commitments { id } notMeasurable: commitments(status: NOT_MEASURABLE) { id } } } }""";

    private static final String COUNTRY_COMMITMENTS_ONE = """
            query($reps: [_Any!]!, $status: CommitmentStatus) { _entities(representations: $reps) {
              ... on Country { commitments(status: $status) { id } } } }""";

    private static final String AGREEMENT_COMMITMENTS = """
            query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Agreement { id
              all: commitments { id } notMeasurable: commitments(status: NOT_MEASURABLE) { id } } } }""";

    private static final String AGREEMENT_COMMITMENTS_ONE = """
            query($reps: [_Any!]!, $status: CommitmentStatus) { _entities(representations: $reps) {
              ... on Agreement { commitments(status: $status) { id } } } }""";

    private static final List<String> COUNTRIES = List.of("JP", "US", "AU", "EU");
    private static final List<String> AGREEMENTS = List.of("AG-US-JP-2023-CMA", "AG-US-AU-2025-FW",
            "AG-JP-AU-2011-LYNAS", "AG-G7-2025-CMAP");

    @Inject
    SessionFactory sessionFactory;

    @Test
    void countryAgreementsAliasesGetTheirOwnStatus() {
        List<Map<String, Object>> reps = reps("Country", "code", COUNTRIES);
        List<Map<String, Object>> entities = entities(COUNTRY_AGREEMENTS, reps);
        // seeded: only US-Japan 2023 entered into force; every other seeded agreement is SIGNED (other tests add
        // agreements of their own, whose ids do not start with AG-)
        assertEquals(List.of("AG-US-JP-2023-CMA"), seeded(ids(entities.get(0), "inForce")));
        assertTrue(seeded(ids(entities.get(0), "signed")).containsAll(List.of("AG-JP-AU-2022-CMP", "AG-MSP-2022")));
        assertFalse(ids(entities.get(0), "signed").contains("AG-US-JP-2023-CMA"));
        for (int i = 0; i < COUNTRIES.size(); i++) {
            assertEquals(alone(COUNTRY_AGREEMENTS_ONE, reps, "SIGNED", "agreements").get(i),
                    ids(entities.get(i), "signed"), COUNTRIES.get(i));
            assertEquals(alone(COUNTRY_AGREEMENTS_ONE, reps, "IN_FORCE", "agreements").get(i),
                    ids(entities.get(i), "inForce"), COUNTRIES.get(i));
        }
    }

    @Test
    void countryCommitmentsAliasesGetTheirOwnStatus() {
        List<Map<String, Object>> reps = reps("Country", "code", COUNTRIES);
        List<Map<String, Object>> entities = entities(COUNTRY_COMMITMENTS, reps);
        List<String> all = ids(entities.get(0), "all");
        List<String> notMeasurable = ids(entities.get(0), "notMeasurable");
        // JP's trade-policy promise has no target; its Lynas financing has one
        assertFalse(notMeasurable.isEmpty());
        assertTrue(all.containsAll(notMeasurable));
        assertNotEquals(all, notMeasurable);
        for (int i = 0; i < COUNTRIES.size(); i++) {
            assertEquals(alone(COUNTRY_COMMITMENTS_ONE, reps, null, "commitments").get(i),
                    ids(entities.get(i), "all"), COUNTRIES.get(i));
            assertEquals(alone(COUNTRY_COMMITMENTS_ONE, reps, "NOT_MEASURABLE", "commitments").get(i),
                    ids(entities.get(i), "notMeasurable"), COUNTRIES.get(i));
        }
    }

    @Test
    void agreementCommitmentsAliasesGetTheirOwnStatus() {
        List<Map<String, Object>> reps = reps("Agreement", "id", AGREEMENTS);
        List<Map<String, Object>> entities = entities(AGREEMENT_COMMITMENTS, reps);
        // US-Japan 2023: both commitments are export-duty promises without a target
        assertEquals(ids(entities.get(0), "all"), ids(entities.get(0), "notMeasurable"));
        assertEquals(2, ids(entities.get(0), "all").size());
        // Lynas 2011: the US$250m financing has a target, so it is never NOT_MEASURABLE
        assertEquals(1, ids(entities.get(2), "all").size());
        assertEquals(List.of(), ids(entities.get(2), "notMeasurable"));
        for (int i = 0; i < AGREEMENTS.size(); i++) {
            assertEquals(alone(AGREEMENT_COMMITMENTS_ONE, reps, null, "commitments").get(i),
                    ids(entities.get(i), "all"), AGREEMENTS.get(i));
            assertEquals(alone(AGREEMENT_COMMITMENTS_ONE, reps, "NOT_MEASURABLE", "commitments").get(i),
                    ids(entities.get(i), "notMeasurable"), AGREEMENTS.get(i));
        }
    }

    @Test
    void partiesNobodyAnnouncedAreLoadedOnTheirOwnAndStillRight() {
        // Agreement.parties produces countries without announcing them: each is loaded when first asked
        List<Map<String, Object>> parties = GraphQL.ok(TestTokens.admin(), """
                { agreement(id: "AG-US-JP-2023-CMA") { parties { code
                    signed: agreements(status: SIGNED) { id } inForce: agreements(status: IN_FORCE) { id } } } }""",
                Map.of()).body("errors", nullValue()).extract().path("data.agreement.parties");
        assertEquals(Set.of("US", "JP"), parties.stream().map(p -> p.get("code")).collect(Collectors.toSet()));
        for (Map<String, Object> party : parties) {
            assertEquals(List.of("AG-US-JP-2023-CMA"), seeded(ids(party, "inForce")), party.get("code").toString());
            assertTrue(seeded(ids(party, "signed")).contains("AG-US-JP-2025-FW"), party.get("code").toString());
            assertFalse(ids(party, "signed").contains("AG-US-JP-2023-CMA"), party.get("code").toString());
        }
    }

    @Test
    void oneStatementPerAliasWhateverTheNumberOfParents() {
        assertEquals(2, statements(COUNTRY_AGREEMENTS, reps("Country", "code", COUNTRIES)));
        assertEquals(2, statements(COUNTRY_COMMITMENTS, reps("Country", "code", List.of("US", "JP", "AU", "DE", "FR",
                "GB", "IT", "CA", "EU", "IN", "KR", "MX"))));
        // _entities, then one statement per alias
        assertEquals(3, statements(AGREEMENT_COMMITMENTS, reps("Agreement", "id", AGREEMENTS)));
    }

    private long statements(String query, List<Map<String, Object>> reps) {
        var statistics = sessionFactory.getStatistics();
        statistics.clear();
        entities(query, reps);
        return statistics.getPrepareStatementCount();
    }

    private static List<Map<String, Object>> entities(String query, List<Map<String, Object>> reps) {
        return GraphQL.ok(TestTokens.admin(), query, Map.of("reps", reps)).body("errors", nullValue())
                .extract().path("data._entities");
    }

    /** The field's ids for each representation, asked without aliases and with one argument value. */
    private static List<List<String>> alone(String query, List<Map<String, Object>> reps, String status,
            String field) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("reps", reps);
        variables.put("status", status);
        List<Map<String, Object>> entities = GraphQL.ok(TestTokens.admin(), query, variables)
                .body("errors", nullValue()).extract().path("data._entities");
        return entities.stream().map(e -> ids(e, field)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> entity, String field) {
        return ((List<Map<String, Object>>) entity.get(field)).stream().map(m -> (String) m.get("id")).toList();
    }

    private static List<String> seeded(List<String> ids) {
        return ids.stream().filter(id -> id.startsWith("AG-")).toList();
    }

    private static List<Map<String, Object>> reps(String type, String key, List<String> values) {
        return values.stream().map(v -> Map.<String, Object>of("__typename", type, key, v)).toList();
    }
}
