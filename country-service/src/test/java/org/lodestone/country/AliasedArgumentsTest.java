package org.lodestone.country;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code dependencies(mineral)} twice under different aliases with different arguments, as a gateway forwards a
 * client's aliases: each alias answers for its own mineral, with one SQL statement per alias for all countries.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "country"))
class AliasedArgumentsTest {

    @Inject
    SessionFactory sessionFactory;

    @Test
    void eachAliasGetsItsOwnMineral() {
        GraphQL.post(TestTokens.member("JP"), """
                { country(code: "JP") {
                    rareEarths: dependencies(mineral: "rare_earths") { mineral { id } indicator }
                    graphite: dependencies(mineral: "graphite") { mineral { id } indicator }
                    all: dependencies { indicator } } }""")
                .statusCode(200)
                .body("errors", nullValue())
                // seeded: JP has four rare-earth indicators, one for graphite, eight in all
                .body("data.country.rareEarths", hasSize(4))
                .body("data.country.rareEarths.mineral.id", everyItem(equalTo("rare_earths")))
                .body("data.country.graphite.mineral.id", contains("graphite"))
                .body("data.country.graphite.indicator", contains("share_of_china_exports"))
                .body("data.country.all", hasSize(8));
    }

    @Test
    void entitiesWithTwoAliasesCostOneStatementPerAlias() {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        GraphQL.post(TestTokens.member("JP"), """
                query($representations: [_Any!]!) {
                  _entities(representations: $representations) {
                    ... on Country { code
                      lithium: dependencies(mineral: "lithium") { mineral { id } }
                      rareEarths: dependencies(mineral: "rare_earths") { mineral { id } } }
                  }
                }
                """, Map.of("representations", List.of(
                Map.of("__typename", "Country", "code", "US"),
                Map.of("__typename", "Country", "code", "JP"),
                Map.of("__typename", "Country", "code", "GB"))))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data._entities.code", contains("US", "JP", "GB"))
                .body("data._entities[0].lithium.mineral.id", contains("lithium"))
                .body("data._entities[0].rareEarths", hasSize(2))
                .body("data._entities[0].rareEarths.mineral.id", everyItem(equalTo("rare_earths")))
                .body("data._entities[1].lithium", empty())
                .body("data._entities[1].rareEarths", hasSize(4))
                .body("data._entities[2].lithium", empty())
                .body("data._entities[2].rareEarths", empty());
        assertEquals(3, statistics.getPrepareStatementCount(), "countries in one statement, one per alias");
    }
}
