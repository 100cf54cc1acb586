package org.lodestone.mineral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bulk supply shares (COPY): all rows in one transaction, or none and the bad rows with their lines. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@Order(6)
class BulkSupplyShareIngestionTest {

    private static final String HEADER = "mineral,stage,country_iso2,share_pct,year,basis,source,note\n";

    private static int stored(String mineral, int year) {
        return given().auth().oauth2(TestTokens.member("JP"))
                .get("/supply-shares?mineral=" + mineral + "&year=" + year).then().statusCode(200).extract()
                .jsonPath().getList("$").size();
    }

    @Test
    void rowsAreStoredWithDatasetAndProjectionFromTheBasis() {
        given().auth().oauth2(TestTokens.admin()).contentType("text/csv").body(HEADER
                + "nickel,mining,ID,60.5,1932,observed,\"Fixture, with a comma [S98]\",a note\n"
                + "\n"
                + "nickel,mining,ROW,39.5,1932,projection_base_case,Fixture,\n")
                .post("/supply-shares/bulk").then().statusCode(200).body("inserted", is(2));
        given().auth().oauth2(TestTokens.member("JP")).get("/supply-shares?mineral=nickel&year=1932").then()
                .statusCode(200)
                .body("find { it.country == 'ID' }.dataset", is("IEA"))
                .body("find { it.country == 'ID' }.projection", is(false))
                .body("find { it.country == 'ID' }.source.refs[0]", is("S98"))
                .body("find { it.country == 'ID' }.note", is("a note"))
                .body("find { it.country == 'ROW' }.projection", is(true));
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndNothingIsStored() {
        given().auth().oauth2(TestTokens.analyst()).contentType("text/csv").body(HEADER
                + "cobalt,mining,CD,70,1933,reported_usgs,Fixture,\n"
                + "unobtainium,mining,CD,70,1933,reported_usgs,Fixture,\n"
                + "cobalt,smelting,CD,70,1933,reported_usgs,Fixture,\n"
                + "cobalt,mining,cd,70,1933,reported_usgs,Fixture,\n"
                + "cobalt,mining,AU,170,1933,reported_usgs,Fixture,\n"
                + "cobalt,mining,AU,7,19x3,reported_usgs,Fixture,\n"
                + "cobalt,mining,AU,7,1933,guessed,Fixture,\n"
                + "cobalt,mining,RU,7,1933,reported_usgs,,\n"
                + "cobalt,mining,PH,7,1933\n")
                .post("/supply-shares/bulk").then().statusCode(400).contentType("application/problem+json")
                .body("errorCount", is(8))
                .body("errors.find { it.line == 3 }.field", is("mineral"))
                .body("errors.find { it.line == 4 }.field", is("stage"))
                .body("errors.find { it.line == 5 }.field", is("country_iso2"))
                .body("errors.find { it.line == 6 }.field", is("share_pct"))
                .body("errors.find { it.line == 7 }.field", is("year"))
                .body("errors.find { it.line == 8 }.field", is("basis"))
                .body("errors.find { it.line == 9 }.field", is("source"))
                .body("errors.find { it.line == 10 }.reason", containsString("malformed CSV"));
        assertEquals(0, stored("cobalt", 1933));
    }

    /** A row PostgreSQL refuses (here: one already stored) is reported with its line too; nothing else is kept. */
    @Test
    void aRowThatRepeatsAStoredShareRejectsTheBatch() {
        String row = "graphite,refining,CN,90,1934,reported_usgs,Fixture,\n";
        given().auth().oauth2(TestTokens.analyst()).contentType("text/csv").body(HEADER + row)
                .post("/supply-shares/bulk").then().statusCode(200);
        given().auth().oauth2(TestTokens.analyst()).contentType("text/csv")
                .body(HEADER + "graphite,refining,MZ,5,1934,reported_usgs,Fixture,\n" + row)
                .post("/supply-shares/bulk").then().statusCode(400)
                .body("errors[0].line", is(3))
                .body("errors[0].reason", containsString("duplicate key"));
        assertEquals(1, stored("graphite", 1934));
    }

    @Test
    void wrongHeaderAndMembersAreRefused() {
        given().auth().oauth2(TestTokens.analyst()).contentType("text/csv").body("mineral,stage,colour\nx,y,z\n")
                .post("/supply-shares/bulk").then().statusCode(400)
                .body("errors.field", hasItem("colour"))
                .body("errors.field", hasItem("share_pct"));
        given().auth().oauth2(TestTokens.member("JP")).contentType("text/csv").body(HEADER)
                .post("/supply-shares/bulk").then().statusCode(403);
        given().auth().oauth2(TestTokens.analyst()).contentType("text/csv").body(HEADER)
                .post("/supply-shares/bulk").then().statusCode(400)
                .body("errors[0].reason", is("the batch has no rows"));
    }
}
