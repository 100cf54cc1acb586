package org.lodestone.mineral;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.lodestone.mineral.service.VersionedCache;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Country.exposure and Mineral.coalitionExposure, fed as the router feeds them: {@code _entities} representations
 * that carry the {@code @requires} fields country-service resolved (figures below are country-service's seed rows).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ExposureTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    /** Cleared before counting: the counts are those of a cold read (a warm one reads less). */
    @Inject
    VersionedCache cache;

    private static Map<String, Object> figure(String keyName, String key, Double nir, Double china) {
        Map<String, Object> f = new HashMap<>();
        f.put(keyName, key);
        f.put("netImportReliancePct", nir);
        f.put("chinaShareOfImportsPct", china);
        return f;
    }

    private static Map<String, Object> withText(Map<String, Object> figure, String netImportRelianceText) {
        figure.put("netImportRelianceText", netImportRelianceText);
        return figure;
    }

    private static Map<String, Object> country(String code, List<Map<String, Object>> figures) {
        return Map.of("__typename", "Country", "code", code, "importDependence", figures);
    }

    private static final String COUNTRY_EXPOSURE = """
            query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Country { code
              exposure { mineral { id name } netImportReliancePct chinaShareOfImportsPct chinaWorldRefiningSharePct
                refiningDataset refiningYear refiningSource { refs } exposureScore scoreBasis missing rank } } } }""";

    @Test
    void countryExposureFromRequiredFieldsInTheRepresentation() {
        List<Map<String, Object>> us = List.of(
                figure("mineralId", "rare_earths", 67.0, 71.0),
                figure("mineralId", "graphite", 100.0, 46.0),
                withText(figure("mineralId", "germanium", 50.0, 41.0), ">50"),
                figure("mineralId", "copper", 57.0, null));
        GraphQL.post(TestTokens.member("US"), COUNTRY_EXPOSURE, Map.of("reps", List.of(country("US", us))))
                .statusCode(200).body("errors", nullValue())
                .body("data._entities[0].code", is("US"))
                .body("data._entities[0].exposure", hasSize(4))
                .body("data._entities[0].exposure[0].mineral.id", is("rare_earths"))
                .body("data._entities[0].exposure[0].exposureScore", is(47.57f))
                .body("data._entities[0].exposure[0].chinaWorldRefiningSharePct", nullValue())
                .body("data._entities[0].exposure[0].missing",
                        contains("no refining supply-share table for rare_earths in the data"))
                .body("data._entities[0].exposure[1].exposureScore", is(46.0f))
                .body("data._entities[0].exposure[1].chinaWorldRefiningSharePct", is(95.7f))
                .body("data._entities[0].exposure[1].refiningDataset", is("IEA"))
                .body("data._entities[0].exposure[1].refiningYear", is(2024))
                .body("data._entities[0].exposure[1].refiningSource.refs", contains("S01"))
                .body("data._entities[0].exposure[2].exposureScore", is(20.5f))
                .body("data._entities[0].exposure[2].scoreBasis",
                        containsString("LOWER BOUND: net import reliance published as '>50'"))
                // copper: no China import share, so China's share of world refining (IEA 2024) is the proxy
                .body("data._entities[0].exposure[3].scoreBasis", startsWith("net import reliance x China's share of world refining (IEA 2024)"))
                .body("data._entities[0].exposure[3].rank", nullValue());
    }

    @Test
    void missingNetImportRelianceGivesNullScoreWithReason() {
        GraphQL.post(TestTokens.member("JP"), COUNTRY_EXPOSURE,
                Map.of("reps", List.of(country("JP", List.of(figure("mineralId", "rare_earths", null, 60.0))))))
                .statusCode(200).body("errors", nullValue())
                .body("data._entities[0].exposure[0].exposureScore", nullValue())
                .body("data._entities[0].exposure[0].chinaShareOfImportsPct", is(60.0f))
                .body("data._entities[0].exposure[0].missing",
                        hasItem("no net import reliance figure for JP and rare_earths in the country data"));
    }

    @Test
    void manyCountriesCostTwoStatements() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        cache.clear();
        List<Map<String, Object>> reps = List.of(
                country("US", List.of(figure("mineralId", "graphite", 100.0, 46.0))),
                country("DE", List.of(figure("mineralId", "rare_earths", null, 65.5))),
                country("EU", List.of(figure("mineralId", "rare_earths", null, 46.3))),
                country("JP", List.of(figure("mineralId", "rare_earths", null, 60.0),
                        figure("mineralId", "graphite", null, null))));
        GraphQL.post(TestTokens.member("JP"), COUNTRY_EXPOSURE, Map.of("reps", reps))
                .statusCode(200).body("errors", nullValue()).body("data._entities", hasSize(4))
                .body("data._entities[3].exposure", hasSize(2));
        assertEquals(2, statistics.getPrepareStatementCount(),
                "4 countries -> one statement for minerals, one for China's refining shares");
    }

    @Test
    void coalitionExposureRanksEveryMemberNullsLast() {
        Map<String, Object> graphite = Map.of("__typename", "Mineral", "id", "graphite", "memberDependence", List.of(
                figure("countryCode", "US", 100.0, 46.0),
                figure("countryCode", "JP", null, null)));
        GraphQL.post(TestTokens.member("JP"), """
                query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Mineral { id name
                  coalitionExposure { country { code } exposureScore scoreBasis rank missing } } } }""",
                Map.of("reps", List.of(graphite)))
                .statusCode(200).body("errors", nullValue())
                .body("data._entities[0].name", startsWith("Graphite"))
                .body("data._entities[0].coalitionExposure", hasSize(12))
                .body("data._entities[0].coalitionExposure[0].country.code", is("US"))
                .body("data._entities[0].coalitionExposure[0].exposureScore", is(46.0f))
                .body("data._entities[0].coalitionExposure[0].rank", is(1))
                .body("data._entities[0].coalitionExposure[1].country.code", is("AU"))
                .body("data._entities[0].coalitionExposure[1].rank", nullValue())
                .body("data._entities[0].coalitionExposure[1].missing",
                        hasItem("no net import reliance figure for AU and graphite in the country data"));
    }

    @Test
    void typenameInsideRequiredObjectsIsIgnored() {
        Map<String, Object> figure = figure("mineralId", "graphite", 100.0, 46.0);
        figure.put("__typename", "ImportDependence");
        GraphQL.post(TestTokens.member("US"), COUNTRY_EXPOSURE, Map.of("reps", List.of(country("US", List.of(figure)))))
                .statusCode(200).body("errors", nullValue())
                .body("data._entities[0].exposure[0].exposureScore", is(46.0f));
    }

    @Test
    void plainKeyRepresentationsStillResolve() {
        GraphQL.post(TestTokens.member("JP"), """
                query { _entities(representations: [{__typename: "Country", code: "CN"}, {__typename: "Mineral", id: "lithium"}]) {
                  ... on Country { code } ... on Mineral { id name } } }""")
                .statusCode(200).body("errors", nullValue())
                .body("data._entities[0].code", is("CN")).body("data._entities[1].name", is("Lithium"));
    }
}
