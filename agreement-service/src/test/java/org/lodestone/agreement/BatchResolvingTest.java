package org.lodestone.agreement;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * N representations or N parents cost a fixed number of SQL statements, counted with Hibernate statistics.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class BatchResolvingTest {

    private static final List<String> SEEDED = List.of("AG-US-JP-2023-CMA", "AG-US-AU-2025-FW", "AG-US-UA-2025-RIF",
            "AG-US-JP-2025-FW", "AG-JP-AU-2022-CMP", "AG-EU-CA-2021-SP", "AG-EU-AU-2024-MOU", "AG-MSP-2022",
            "AG-QUAD-2025-CMI", "AG-G7-2025-CMAP", "AG-JP-AU-2011-LYNAS", "AG-JP-AU-2022-LYNAS");

    private static final String AGREEMENT_ENTITIES = """
            query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Agreement { id title parties { code } } } }""";

    private static final String AGREEMENT_ENTITIES_WITH_COMMITMENTS = """
            query($reps: [_Any!]!) { _entities(representations: $reps) {
              ... on Agreement { id commitments { id status fulfilledPct progress { id } } } } }""";

    private static final String COUNTRY_ENTITIES = """
            query($reps: [_Any!]!) { _entities(representations: $reps) {
              ... on Country { code agreements { id } commitments { id status } } } }""";

    @Inject
    SessionFactory sessionFactory;

    @Test
    void agreementEntitiesAreOneStatementWhateverTheirNumber() {
        assertEquals(1, statements(AGREEMENT_ENTITIES, agreementReps(2), 2));
        assertEquals(1, statements(AGREEMENT_ENTITIES, agreementReps(12), 12));
    }

    @Test
    void nestedCommitmentsAndProgressAreBatchedPerField() {
        long few = statements(AGREEMENT_ENTITIES_WITH_COMMITMENTS, agreementReps(2), 2);
        long many = statements(AGREEMENT_ENTITIES_WITH_COMMITMENTS, agreementReps(12), 12);
        assertEquals(few, many, "statement count must not grow with the number of agreements");
        // one statement per field: _entities; Agreement.commitments (joined with agreement and latest progress);
        // Commitment.progress
        assertEquals(3, many);
    }

    @Test
    void countryEntitiesWithAgreementsAndCommitmentsAreBatched() {
        long few = statements(COUNTRY_ENTITIES, countryReps(List.of("JP", "AU")), 2);
        long many = statements(COUNTRY_ENTITIES, countryReps(List.of("US", "JP", "AU", "DE", "FR", "GB", "IT", "CA",
                "EU", "IN", "KR", "MX")), 12);
        assertEquals(few, many);
        // one statement per field: Country.agreements; Country.commitments
        assertEquals(2, many);
    }

    @Test
    void commitmentEntitiesAreBatched() {
        String query = """
                query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Commitment { id agreement { id } } } }""";
        long few = statements(query, commitmentReps(2), 2);
        long many = statements(query, commitmentReps(20), 20);
        assertEquals(few, many);
        // commitments come with their agreement (visibility) and latest progress in the same statement
        assertEquals(1, many);
    }

    private long statements(String query, List<Map<String, Object>> reps, int expectedEntities) {
        var statistics = sessionFactory.getStatistics();
        statistics.clear();
        GraphQL.ok(TestTokens.admin(), query, Map.of("reps", reps))
                .body("errors", nullValue())
                .body("data._entities", hasSize(expectedEntities));
        return statistics.getPrepareStatementCount();
    }

    private static List<Map<String, Object>> agreementReps(int n) {
        return SEEDED.subList(0, n).stream().map(id -> Map.<String, Object>of("__typename", "Agreement", "id", id)).toList();
    }

    private static List<Map<String, Object>> countryReps(List<String> codes) {
        return codes.stream().map(c -> Map.<String, Object>of("__typename", "Country", "code", c)).toList();
    }

    private static List<Map<String, Object>> commitmentReps(int n) {
        return Stream.iterate(1, i -> i + 1).limit(n)
                .map(i -> Map.<String, Object>of("__typename", "Commitment", "id", String.format("CM-%04d", i))).toList();
    }
}
