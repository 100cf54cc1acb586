package org.lodestone.country;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
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
 * Country.importDependence and Mineral.memberDependence: the figures mineral-service's exposure fields require,
 * on the real seed data with their sources.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "country"))
class ImportDependenceTest {

    @Inject
    SessionFactory sessionFactory;

    private static final String FIELDS = """
            mineralId netImportReliancePct netImportRelianceText netImportReliancePeriod netImportRelianceScope
            netImportRelianceSource { refs url publisher year }
            chinaShareOfImportsPct chinaShareOfImportsText chinaShareOfImportsPeriod chinaShareOfImportsScope
            chinaShareOfImportsSource { refs }""";

    @Test
    void usNetImportRelianceOnRareEarthsIs67PerCentPerUsgs() {
        GraphQL.post(TestTokens.member("US"), "{ country(code: \"US\") { importDependence { " + FIELDS + " } } }")
                .statusCode(200).body("errors", nullValue())
                .body("data.country.importDependence.mineralId", contains("rare_earths", "gallium", "germanium",
                        "antimony", "graphite", "tungsten", "bismuth", "indium", "cobalt", "lithium", "copper",
                        "nickel", "manganese", "magnesium", "tellurium", "silicon"))
                .body("data.country.importDependence[0].netImportReliancePct", is(67.0f))
                .body("data.country.importDependence[0].netImportReliancePeriod", is("2025e"))
                .body("data.country.importDependence[0].netImportRelianceSource.refs", contains("S02"))
                .body("data.country.importDependence[0].netImportRelianceSource.publisher", is("USGS"))
                .body("data.country.importDependence[0].netImportRelianceSource.url",
                        containsString("mcs2026-rare-earths.pdf"))
                .body("data.country.importDependence[0].chinaShareOfImportsPct", is(71.0f))
                .body("data.country.importDependence[0].chinaShareOfImportsPeriod", is("2021-2024"))
                // a published bound keeps its text next to the number
                .body("data.country.importDependence[2].netImportReliancePct", is(50.0f))
                .body("data.country.importDependence[2].netImportRelianceText", is(">50"))
                // two China-share figures for graphite: the first recorded (natural graphite) is used
                .body("data.country.importDependence[4].chinaShareOfImportsPct", is(46.0f))
                .body("data.country.importDependence[4].chinaShareOfImportsScope", is("% of US natural graphite imports"))
                // cobalt: USGS gives no China share of US imports
                .body("data.country.importDependence[8].netImportReliancePct", is(79.0f))
                .body("data.country.importDependence[8].chinaShareOfImportsPct", nullValue());
    }

    @Test
    void japanHasAChinaShareButNoNetImportReliance() {
        GraphQL.post(TestTokens.member("JP"), "{ country(code: \"JP\") { importDependence { " + FIELDS + " } } }")
                .statusCode(200).body("errors", nullValue())
                .body("data.country.importDependence", hasSize(1))
                .body("data.country.importDependence[0].mineralId", is("rare_earths"))
                .body("data.country.importDependence[0].netImportReliancePct", nullValue())
                .body("data.country.importDependence[0].chinaShareOfImportsPct", is(60.0f))
                .body("data.country.importDependence[0].chinaShareOfImportsText", is("~60"))
                .body("data.country.importDependence[0].chinaShareOfImportsSource.refs", contains("S82"));
    }

    @Test
    void coalitionMembersDependenceForMineralsInOneStatement() {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        List<Map<String, String>> reps = List.of(
                Map.of("__typename", "Mineral", "id", "rare_earths"),
                Map.of("__typename", "Mineral", "id", "graphite"),
                Map.of("__typename", "Mineral", "id", "rare_earth_magnets"),
                Map.of("__typename", "Mineral", "id", "lithium_battery_materials"));
        GraphQL.post(TestTokens.member("JP"), """
                query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Mineral { id
                  memberDependence { countryCode netImportReliancePct chinaShareOfImportsPct chinaShareOfImportsPeriod
                                     netImportRelianceSource { refs } } } } }""", Map.of("reps", reps))
                .statusCode(200).body("errors", nullValue())
                .body("data._entities[0].memberDependence.countryCode", contains("DE", "EU", "JP", "US"))
                .body("data._entities[0].memberDependence[0].chinaShareOfImportsPct", is(65.5f))
                .body("data._entities[0].memberDependence[0].netImportReliancePct", nullValue())
                .body("data._entities[0].memberDependence[3].netImportReliancePct", is(67.0f))
                .body("data._entities[0].memberDependence[3].netImportRelianceSource.refs", contains("S02"))
                .body("data._entities[1].memberDependence.countryCode", contains("US"))
                .body("data._entities[2].memberDependence.countryCode", contains("IN"))
                .body("data._entities[2].memberDependence[0].chinaShareOfImportsPct", is(93.0f))
                .body("data._entities[3].memberDependence", hasSize(0));
        assertEquals(1, statistics.getPrepareStatementCount(), "4 minerals -> 1 SQL statement");
    }

    @Test
    void importDependenceOfManyCountriesInOneStatement() {
        Statistics statistics = sessionFactory.getStatistics();
        List<Map<String, String>> reps = List.of("US", "JP", "DE", "EU", "IN", "CN").stream()
                .map(code -> Map.of("__typename", "Country", "code", code)).toList();
        statistics.clear();
        GraphQL.post(TestTokens.member("JP"), """
                query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Country { code
                  importDependence { mineralId netImportReliancePct chinaShareOfImportsPct } } } }""",
                Map.of("reps", reps))
                .statusCode(200).body("errors", nullValue())
                .body("data._entities[2].importDependence[0].chinaShareOfImportsPct", is(65.5f))
                .body("data._entities[4].importDependence[0].mineralId", is("rare_earth_magnets"))
                .body("data._entities[5].importDependence", hasSize(0));
        assertEquals(2, statistics.getPrepareStatementCount(),
                "6 Country representations -> 1 statement for the countries, 1 for their figures");
    }
}
