package org.lodestone.mineral;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.lodestone.mineral.service.VersionedCache;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** N representations or N parents cost a fixed number of SQL statements, counted by Hibernate statistics. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@Order(3)
class BatchResolvingTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    /** Cleared before counting: the counts are those of a cold read (a warm one reads less). */
    @Inject
    VersionedCache cache;

    private Statistics statistics() {
        return ColdStatistics.start(entityManagerFactory, cache);
    }

    @Test
    void mineralEntitiesResolvedWithOneStatement() {
        List<String> ids = List.of("lithium", "cobalt", "nickel", "copper", "graphite", "rare_earths", "gallium",
                "germanium", "antimony", "tungsten");
        List<Map<String, String>> reps = ids.stream().map(id -> Map.of("__typename", "Mineral", "id", id)).toList();
        Statistics statistics = statistics();
        GraphQL.post(TestTokens.member("JP"), """
                query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Mineral { id name } } }""",
                Map.of("reps", reps))
                .statusCode(200).body("errors", nullValue()).body("data._entities", hasSize(10))
                .body("data._entities[9].id", is("tungsten"));
        assertEquals(1, statistics.getPrepareStatementCount(), "10 Mineral representations -> 1 SQL statement");
    }

    @Test
    void countrySupplySharesOverManyCountriesWithOneStatement() {
        List<String> codes = List.of("CN", "AU", "CL", "CD", "ID", "JP", "US", "FI", "MY", "AR", "BR", "RU");
        List<Map<String, String>> reps = codes.stream().map(c -> Map.of("__typename", "Country", "code", c)).toList();
        Statistics statistics = statistics();
        GraphQL.post(TestTokens.member("JP"), """
                query($reps: [_Any!]!) {
                  _entities(representations: $reps) { ... on Country { code supplyShares(stage: REFINING) { sharePct } } }
                }""", Map.of("reps", reps))
                .statusCode(200).body("errors", nullValue()).body("data._entities", hasSize(12));
        assertEquals(1, statistics.getPrepareStatementCount(), "supplyShares of 12 countries -> 1 SQL statement");
    }

    @Test
    void nestedMineralFieldsAreBatchedToo() {
        Statistics statistics = statistics();
        GraphQL.post(TestTokens.member("JP"), """
                { minerals { id supplyShares(year: 2024) { country { code } mineral { id } }
                             concentration { hhi } } }""")
                .statusCode(200).body("errors", nullValue()).body("data.minerals", hasSize(43));
        // minerals (one read serves the list and the shares' minerals), their supply shares, the concentration
        // inputs: 3, not 43 x 3
        assertEquals(3, statistics.getPrepareStatementCount());
    }
}
