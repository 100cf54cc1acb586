package org.lodestone.mineral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.lodestone.mineral.seed.SeedImporter;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** The seed data set is loaded completely, with sources, and every REST read filter works on it. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@Order(1)
class SeedDataTest {

    private static final String IEA_URL = "https://www.iea.org/data-and-statistics/data-tools/critical-minerals-data-explorer";

    @Inject
    SeedImporter importer;

    private String token;

    @BeforeEach
    void member() {
        token = TestTokens.member("JP");
    }

    private RequestSpecification as() {
        return given().auth().oauth2(token);
    }

    @Test
    void exactCountsOfEveryFile() {
        as().get("/minerals").then().statusCode(200).body("$", hasSize(43));
        as().get("/supply-shares").then().statusCode(200).body("$", hasSize(554));
        as().get("/production").then().statusCode(200).body("$", hasSize(678));
        as().get("/prices?from=2021&to=2025").then().statusCode(200).body("$", hasSize(150));
        as().get("/export-controls").then().statusCode(200).body("$", hasSize(14))
                // the seed uses every measure of the closed vocabulary, and nothing else
                .body("measure.unique()", containsInAnyOrder(ControlMeasure.CODES.toArray()));
    }

    @Test
    void importRunsOnlyOnce() {
        importer.importOnce();
        as().get("/minerals").then().body("$", hasSize(43));
        as().get("/supply-shares").then().body("$", hasSize(554));
    }

    @Test
    void chinaRefiningShares2024WithTheirSource() {
        for (var expected : List.of(List.of("graphite", 95.7f), List.of("cobalt", 78.4f),
                List.of("rare_earths_magnet", 91.3f))) {
            as().queryParam("mineral", expected.get(0)).queryParam("stage", "REFINING").queryParam("year", 2024)
                    .queryParam("dataset", "IEA").queryParam("country", "CN")
                    .get("/supply-shares").then().statusCode(200)
                    .body("$", hasSize(1))
                    .body("[0].sharePct", is(expected.get(1)))
                    .body("[0].basis", is("observed"))
                    .body("[0].projection", is(false))
                    .body("[0].source.url", is(IEA_URL))
                    .body("[0].source.publisher", is("IEA"))
                    .body("[0].source.refs", contains("S01"))
                    .body("[0].source.year", is(2025))
                    .body("[0].source.citation", containsString("CC BY 4.0"));
        }
    }

    @Test
    void mineralsWithUsesAndSource() {
        as().get("/minerals/lithium").then().statusCode(200)
                .body("name", is("Lithium"))
                .body("symbol", is("Li"))
                .body("unit", is("t Li content"))
                .body("uses", contains("batteries", "ceramics_glass", "lubricants", "energy_storage"))
                .body("usesSource.publisher", is("USGS"))
                .body("usesSource.title", is("Mineral Commodity Summaries 2026 - lithium"))
                .body("usesSource.url", is("https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-lithium.pdf"))
                .body("usesSource.refs", contains("S02"));
        as().get("/minerals?ids=gallium,nope,cobalt").then().statusCode(200)
                .body("id", contains("gallium", "cobalt"));
        as().get("/minerals/unobtainium").then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404));
    }

    @Test
    void supplyShareFilters() {
        as().get("/supply-shares?mineral=lithium&stage=mining").then().body("$", hasSize(36));
        as().get("/supply-shares?mineral=lithium&stage=mining&year=2024&dataset=USGS").then().body("$", hasSize(9))
                .body("dataset", everyItem(is("USGS")));
        as().get("/supply-shares?mineral=lithium&stage=mining&year=2024&dataset=IEA").then().body("$", hasSize(6));
        as().get("/supply-shares?country=CN").then().body("$", hasSize(63));
        as().get("/supply-shares?country=cn&stage=refining&year=2024").then().body("$", hasSize(13));
        as().get("/supply-shares?country=CN&stage=refining&year=2024&dataset=IEA").then().body("$", hasSize(6));
        as().get("/supply-shares?year=2030").then().body("$", hasSize(73)).body("projection", everyItem(is(true)));
        as().get("/supply-shares?dataset=USGS").then().body("$", hasSize(335));
        as().get("/supply-shares?dataset=IEA").then().body("$", hasSize(219));
        long id = as().get("/supply-shares?mineral=graphite&stage=REFINING&year=2024&country=CN").then()
                .extract().jsonPath().getLong("[0].id");
        as().get("/supply-shares/" + id).then().statusCode(200).body("sharePct", is(95.7f));
        as().get("/supply-shares?ids=" + id + ",999999").then().body("$", hasSize(1));
        as().get("/supply-shares/999999").then().statusCode(404);
    }

    @Test
    void productionFilters() {
        as().get("/production?mineral=lithium").then().body("$", hasSize(75));
        as().get("/production?country=CN").then().body("$", hasSize(60));
        as().get("/production?year=2023").then().body("$", hasSize(18));
        as().get("/production?measure=reserves").then().body("$", hasSize(144));
        as().get("/production?mineral=lithium&country=US&year=2024&measure=mine_production").then()
                .body("$", hasSize(1)).body("[0].quantity", nullValue()).body("[0].basis", is("withheld_or_NA"));
        as().get("/production?mineral=copper&country=CL&year=2024&measure=mining_production").then()
                .body("[0].quantity", is(5476.0f)).body("[0].source.refs", contains("S01"));
        long id = as().get("/production?mineral=copper&country=CL").then().extract().jsonPath().getLong("[0].id");
        as().get("/production/" + id).then().statusCode(200).body("country", is("CL"));
        as().get("/production?ids=" + id).then().body("$", hasSize(1));
    }

    @Test
    void priceFilters() {
        as().get("/prices?mineral=germanium").then().body("$", hasSize(14));
        as().get("/prices?mineral=germanium&from=2025&to=2025").then().body("$", hasSize(6));
        as().get("/prices?mineral=germanium&from=2021&to=2024").then().body("$", hasSize(8));
        as().get("/prices?mineral=germanium&from=2025-02").then().body("$", hasSize(2))
                .body("date", everyItem(is("2025-10")));
        as().get("/prices?mineral=germanium&periodType=month_or_point").then().body("$", hasSize(4));
        as().get("/prices?periodType=start_of_year_2025").then().body("$", hasSize(2))
                .body("mineral", everyItem(is("tungsten")));
        as().get("/prices?mineral=lithium&from=2022&to=2022").then().body("$", hasSize(1))
                .body("[0].price", is(63700)).body("[0].unitCurrency", is("USD/t"))
                .body("[0].source.refs", contains("S02"));
        long id = as().get("/prices?mineral=lithium&from=2022&to=2022").then().extract().jsonPath().getLong("[0].id");
        as().get("/prices/" + id).then().statusCode(200).body("date", is("2022"));
        as().get("/prices?ids=" + id).then().body("$", hasSize(1));
    }

    @Test
    void exportControlFilters() {
        as().get("/export-controls?imposingCountry=CN").then().body("$", hasSize(12));
        as().get("/export-controls?mineral=gallium").then().body("id",
                containsInAnyOrder("EC-2023-GAGE", "EC-2024-US-GAGESB", "EC-2025-SUSP-US"));
        as().get("/export-controls?target=US").then().body("$", hasSize(12));
        as().get("/export-controls?target=JP").then().body("$", hasSize(12))
                .body("id", hasItem("EC-2026-JP-DUALUSE"));
        as().get("/export-controls?activeOn=2025-12-01").then().body("id", containsInAnyOrder("EC-2023-GAGE",
                "EC-2023-GRAPHITE", "EC-2023-REETECH", "EC-2024-SB", "EC-2025-5METALS", "EC-2025-7REE",
                "EC-2024-MY-REE"));
        as().get("/export-controls/EC-2025-SUSP-US").then().statusCode(200)
                .body("measure", is("suspension"))
                .body("suspends", is("EC-2024-US-GAGESB"))
                .body("effectiveDate", is("2025-11-09"))
                .body("endsDate", is("2026-11-27"));
        as().get("/export-controls/EC-2010-JP-REE").then().body("endsDate", is("2010-11-20"))
                .body("status", is("ENDED")).body("targets", contains("JP")).body("targetsAll", is(false));
        as().get("/export-controls/EC-2025-CD-CO").then().body("effectiveDate", is("2025-02"))
                .body("endsDate", is("2025-10"));
        as().get("/export-controls/EC-2025-SUSP-OCT").then().body("suspends", is("EC-2025-OCT-REE"))
                .body("endsDate", is("2026-11-10"));
        as().get("/export-controls/EC-2023-GAGE").then().body("endsDate", nullValue())
                .body("targetsAll", is(true)).body("targets", hasSize(0));
        as().get("/export-controls?ids=EC-2023-GAGE,EC-2024-SB").then().body("id",
                contains("EC-2023-GAGE", "EC-2024-SB"));
        as().get("/export-controls/EC-NOPE").then().statusCode(404);
    }

    @Test
    void badFiltersAreProblems() {
        as().get("/supply-shares?stage=smelting").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("stage"));
        as().get("/supply-shares?year=last").then().statusCode(400).body("errors[0].field", is("year"));
        as().get("/prices?from=2024-13").then().statusCode(400).body("errors[0].field", is("from"));
        as().get("/prices?periodType=weekly").then().statusCode(400).body("errors[0].field", is("periodType"));
        as().get("/export-controls?activeOn=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("activeOn"));
        as().get("/supply-shares/abc").then().statusCode(400);
    }
}
