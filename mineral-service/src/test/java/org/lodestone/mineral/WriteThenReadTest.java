package org.lodestone.mineral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Reads of minerals, supply shares, prices and export controls are served from memory while their tables are unchanged
 * (VersionedCache). Each test reads twice (so the answer is cached), writes, and reads again at once: the write shows.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@Order(7)
class WriteThenReadTest {

    private static final String MEMBER = TestTokens.member("DE");

    @Test
    void aRecordedExportControlShowsInTheNextScenarioAndList() {
        String scenario = """
                { exportControlScenario(imposingCountry: "CN", minerals: ["tungsten"], targets: ["DE"],
                    activeOn: "2031-03-01") { activeControls { id } }
                  exportControls(imposingCountry: "CN", mineral: "tungsten") { id status } }""";
        for (int i = 0; i < 2; i++) {
            GraphQL.ok(MEMBER, scenario)
                    .body("data.exportControlScenario.activeControls.id", not(hasItem("EC-2031-FRESH-W")))
                    .body("data.exportControls.id", not(hasItem("EC-2031-FRESH-W")));
        }
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body("""
                {"id":"EC-2031-FRESH-W","imposingCountry":"CN","minerals":["tungsten"],"targets":["DE"],
                 "measure":"licence","effectiveDate":"2031-01-01","source":"Cache freshness fixture"}""")
                .post("/export-controls").then().statusCode(201);
        GraphQL.ok(MEMBER, scenario)
                .body("data.exportControlScenario.activeControls.id", hasItem("EC-2031-FRESH-W"))
                .body("data.exportControls.find { it.id == 'EC-2031-FRESH-W' }.status", is("ANNOUNCED"));
    }

    @Test
    void aRecordedPriceShowsInTheNextRead() {
        String prices = "{ mineral(id: \"antimony\") { prices(from: \"1931\", to: \"1931\") { price } } }";
        for (int i = 0; i < 2; i++) {
            GraphQL.ok(MEMBER, prices).body("data.mineral.prices", hasSize(0));
        }
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body("""
                {"mineral":"antimony","date":"1931","periodType":"annual_average","price":5.5,
                 "unitCurrency":"USD/t","source":"Cache freshness fixture"}""")
                .post("/prices").then().statusCode(201);
        GraphQL.ok(MEMBER, prices).body("data.mineral.prices", hasSize(1))
                .body("data.mineral.prices[0].price", is(5.5f));
    }

    @Test
    void bulkSupplySharesShowInTheNextConcentrationHistory() {
        String history = """
                { mineral(id: "tungsten") { concentrationHistory(stage: REFINING, dataset: USGS) {
                    year hhi chinaSharePct leader { code } } } }""";
        for (int i = 0; i < 2; i++) {
            GraphQL.ok(MEMBER, history).body("data.mineral.concentrationHistory.year", not(hasItem(1931)));
        }
        given().auth().oauth2(TestTokens.analyst()).contentType("text/csv").body("""
                mineral,stage,country_iso2,share_pct,year,basis,source,note
                tungsten,refining,CN,80,1931,reported_usgs,Cache freshness fixture,
                tungsten,refining,VN,10,1931,reported_usgs,Cache freshness fixture,
                tungsten,refining,RU,10,1931,reported_usgs,Cache freshness fixture,
                """).post("/supply-shares/bulk").then().statusCode(200).body("inserted", is(3));
        GraphQL.ok(MEMBER, history)
                .body("data.mineral.concentrationHistory.find { it.year == 1931 }.hhi", is(6600.0f))
                .body("data.mineral.concentrationHistory.find { it.year == 1931 }.chinaSharePct", is(80.0f))
                .body("data.mineral.concentrationHistory.find { it.year == 1931 }.leader.code", is("CN"));
    }
}
