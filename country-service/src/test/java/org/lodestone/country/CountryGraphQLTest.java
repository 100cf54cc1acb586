package org.lodestone.country;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
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

/** The Federation 2 subgraph: public fields, entity resolution in batches, errors with codes. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "country"))
class CountryGraphQLTest {

    @Inject
    SessionFactory sessionFactory;

    private Statistics freshStatistics() {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        return statistics;
    }

    @Test
    void countriesAndCoalitionOnly() {
        GraphQL.post(TestTokens.member("JP"), """
                { countries { code } }
                """).statusCode(200).body("data.countries", hasSize(72)).body("errors", nullValue());
        GraphQL.post(TestTokens.member("JP"), """
                { countries(coalitionOnly: true) { code coalitionMember } }
                """).statusCode(200)
                .body("data.countries.code",
                        containsInAnyOrder("US", "JP", "DE", "FR", "GB", "IT", "CA", "EU", "AU", "IN", "KR", "MX"))
                .body("data.countries.coalitionMember", everyItem(equalTo(true)));
    }

    @Test
    void countryWithDependenciesAndSources() {
        GraphQL.post(TestTokens.analyst(), """
                query($code: ID!) {
                  country(code: $code) {
                    code name coalitionMember groups
                    summarySource { refs }
                    dependencies(mineral: "rare_earths") {
                      mineral { id } indicator value unit period note
                      source { citation publisher title year url refs }
                    }
                  }
                }
                """, Map.of("code", "US")).statusCode(200)
                .body("errors", nullValue())
                .body("data.country.name", equalTo("United States"))
                .body("data.country.summarySource.refs", contains("S02"))
                .body("data.country.dependencies", hasSize(2))
                .body("data.country.dependencies.find { it.indicator == 'net_import_reliance' }.value", equalTo(67.0f))
                .body("data.country.dependencies.find { it.indicator == 'net_import_reliance' }.source.publisher",
                        equalTo("USGS"))
                .body("data.country.dependencies.find { it.indicator == 'net_import_reliance' }.source.year",
                        equalTo(2026))
                .body("data.country.dependencies.mineral.id", everyItem(equalTo("rare_earths")));
    }

    @Test
    void unknownCountryIsNullAndMalformedCodeIsBadUserInput() {
        GraphQL.post(TestTokens.member("JP"), """
                { country(code: "XX") { code } }
                """).statusCode(200).body("data.country", nullValue()).body("errors", nullValue());
        GraphQL.post(TestTokens.member("JP"), """
                { country(code: "usa") { code } }
                """).statusCode(200)
                .body("data.country", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].path", contains("country"));
    }

    @Test
    void meDescribesTheCaller() {
        GraphQL.post(TestTokens.member("JP"), """
                { me { subject username roles country { code coalitionMember } } }
                """).statusCode(200)
                .body("data.me.subject", equalTo("sub-jp-member"))
                .body("data.me.username", equalTo("jp-member"))
                .body("data.me.roles", contains("member"))
                .body("data.me.country.code", equalTo("JP"))
                .body("data.me.country.coalitionMember", equalTo(true));
        GraphQL.post(TestTokens.analyst(), """
                { me { subject roles country { code } } }
                """).statusCode(200)
                .body("data.me.roles", contains("analyst"))
                .body("data.me.country", nullValue());
    }

    @Test
    void policyMeasuresOnCountry() {
        GraphQL.post(TestTokens.member("JP"), """
                { country(code: "JP") { policyMeasures { kind value unit mineral { id } source { refs } } } }
                """).statusCode(200)
                .body("data.country.policyMeasures", hasSize(1))
                .body("data.country.policyMeasures[0].kind", equalTo("stockpile_target"))
                .body("data.country.policyMeasures[0].value", equalTo(60.0f));
    }

    @Test
    void entitiesResolveSeveralCountriesWithOneStatement() {
        Statistics statistics = freshStatistics();
        GraphQL.post(TestTokens.member("JP"), """
                query($representations: [_Any!]!) {
                  _entities(representations: $representations) {
                    ... on Country { code name coalitionMember }
                  }
                }
                """, Map.of("representations", List.of(
                Map.of("__typename", "Country", "code", "US"),
                Map.of("__typename", "Country", "code", "JP"),
                Map.of("__typename", "Country", "code", "XX"),
                Map.of("__typename", "Country", "code", "EU"),
                Map.of("__typename", "Country", "code", "DE"))))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data._entities", hasSize(5))
                .body("data._entities[0].code", equalTo("US"))
                .body("data._entities[1].name", equalTo("Japan"))
                .body("data._entities[2]", nullValue())
                .body("data._entities[3].code", equalTo("EU"))
                .body("data._entities[4].code", equalTo("DE"));
        assertEquals(1, statistics.getPrepareStatementCount(), "five representations, one SQL statement");
    }

    @Test
    void entitiesWithDependenciesStayAtTwoStatements() {
        Statistics statistics = freshStatistics();
        GraphQL.post(TestTokens.member("JP"), """
                query($representations: [_Any!]!) {
                  _entities(representations: $representations) {
                    ... on Country { code dependencies { indicator value } }
                  }
                }
                """, Map.of("representations", List.of(
                Map.of("__typename", "Country", "code", "US"),
                Map.of("__typename", "Country", "code", "JP"),
                Map.of("__typename", "Country", "code", "DE"),
                Map.of("__typename", "Country", "code", "GB"))))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data._entities.code", contains("US", "JP", "DE", "GB"))
                .body("data._entities[0].dependencies", hasSize(25))
                .body("data._entities[1].dependencies", hasSize(8))
                .body("data._entities[2].dependencies", hasSize(4))
                .body("data._entities[3].dependencies", empty());
        assertEquals(2, statistics.getPrepareStatementCount(), "countries in one statement, indicators in one");
    }

    @Test
    void countriesWithNestedListsAreBatched() {
        Statistics statistics = freshStatistics();
        GraphQL.post(TestTokens.member("JP"), """
                {
                  countries {
                    code
                    dependencies { indicator value source { refs } }
                    policyMeasures { kind }
                  }
                }
                """).statusCode(200)
                .body("errors", nullValue())
                .body("data.countries", hasSize(72))
                .body("data.countries.find { it.code == 'US' }.dependencies", hasSize(25));
        assertEquals(3, statistics.getPrepareStatementCount(),
                "72 countries: one statement for countries, one for indicators, one for policy measures");
    }

    @Test
    void mineralStubsResolveToTheirId() {
        GraphQL.post(TestTokens.member("JP"), """
                query($representations: [_Any!]!) {
                  _entities(representations: $representations) {
                    __typename
                    ... on Mineral { id }
                    ... on Country { code }
                  }
                }
                """, Map.of("representations", List.of(
                Map.of("__typename", "Mineral", "id", "gallium"),
                Map.of("__typename", "Country", "code", "KR"))))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data._entities[0].__typename", equalTo("Mineral"))
                .body("data._entities[0].id", equalTo("gallium"))
                .body("data._entities[1].code", equalTo("KR"));
    }

    @Test
    void entityResolversAreNotQueryFields() {
        GraphQL.post(TestTokens.member("JP"), """
                { _service { sdl } }
                """).statusCode(200)
                .body("data._service.sdl", not(containsString("countriesByCode")))
                .body("data._service.sdl", not(containsString("mineralsById")));
    }

    @Test
    void everyTokenProblemIsA401BeforeAnythingRuns() {
        String query = """
                { countries { code } }
                """;
        GraphQL.post(null, query).statusCode(401);
        GraphQL.post(TestTokens.expired(), query).statusCode(401);
        GraphQL.post(TestTokens.forged(), query).statusCode(401);
        GraphQL.post(TestTokens.wrongIssuer(), query).statusCode(401);
        GraphQL.post(TestTokens.wrongAudience(), query).statusCode(401);
        GraphQL.post("not-a-jwt", query).statusCode(401);
    }

    @Test
    void everyRoleMayRead() {
        String query = """
                { countries(coalitionOnly: true) { code } }
                """;
        for (String token : List.of(TestTokens.member("JP"), TestTokens.member("CN"), TestTokens.analyst(),
                TestTokens.admin(), TestTokens.noRole())) {
            GraphQL.post(token, query).statusCode(200).body("data.countries", hasSize(12));
        }
    }
}
