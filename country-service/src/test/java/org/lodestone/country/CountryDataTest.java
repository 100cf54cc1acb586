package org.lodestone.country;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lodestone.country.seed.SeedImporter;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The seed data is all there, with its sources, and every read filter works. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "country"))
class CountryDataTest {

    @Inject
    SeedImporter seedImporter;

    private static RequestSpecification member() {
        return given().auth().oauth2(TestTokens.member("JP"));
    }

    @Test
    void allSeventyTwoCountriesAreLoaded() {
        member().get("/countries").then().statusCode(200)
                .body("$", hasSize(72))
                .body("code", hasItem("EU"))
                .body("code", hasItem("ROW"))
                .body("code", hasItem("WORLD"));
    }

    @Test
    void allFortySevenIndicatorsAreLoaded() {
        member().get("/dependencies").then().statusCode(200).body("$", hasSize(47));
    }

    @Test
    void japanIsACoalitionMemberWithSourcedSummary() {
        member().get("/countries/JP").then().statusCode(200)
                .body("name", equalTo("Japan"))
                .body("coalitionMember", equalTo(true))
                .body("groups", contains("G7", "Quad", "MSP", "IEA_member", "G7_CMAP"))
                .body("chinaDependenceSummary", startsWith("About 60% of rare-earth imports still from China"))
                .body("summarySource.citation", equalTo("[S82][S83][S85][S62]"))
                .body("summarySource.refs", contains("S82", "S83", "S85", "S62"))
                .body("summarySource.publisher", nullValue());
    }

    @Test
    void europeanUnionIsPresentAndCountriesWithoutSourcesHaveNone() {
        member().get("/countries/EU").then().statusCode(200)
                .body("name", equalTo("European Union"))
                .body("coalitionMember", equalTo(true));
        member().get("/countries/GB").then().statusCode(200)
                .body("summarySource", nullValue());
        member().get("/countries/CN").then().statusCode(200)
                .body("coalitionMember", equalTo(false))
                .body("chinaDependenceSummary", nullValue());
    }

    @Test
    void unitedStatesRareEarthNetImportRelianceIs67PercentFromUsgs() {
        member().queryParam("mineral", "rare_earths").queryParam("indicator", "net_import_reliance")
                .get("/countries/US/dependencies").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].value", equalTo(67.0f))
                .body("[0].valueText", equalTo("67"))
                .body("[0].valueQualifier", nullValue())
                .body("[0].unit", equalTo("% of apparent consumption (compounds & metals)"))
                .body("[0].period", equalTo("2025e"))
                .body("[0].mineral.id", equalTo("rare_earths"))
                .body("[0].source.publisher", equalTo("USGS"))
                .body("[0].source.title", equalTo("Mineral Commodity Summaries 2026 - rare-earths"))
                .body("[0].source.year", equalTo(2026))
                .body("[0].source.url", equalTo("https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-rare-earths.pdf"))
                .body("[0].source.refs", contains("S02"))
                .body("[0].source.citation", startsWith("USGS, Mineral Commodity Summaries 2026 - rare-earths"));
    }

    @Test
    void boundsAndApproximationsKeepThePublishedText() {
        member().queryParam("mineral", "germanium").queryParam("indicator", "net_import_reliance")
                .get("/countries/US/dependencies").then().statusCode(200)
                .body("[0].value", equalTo(50.0f))
                .body("[0].valueQualifier", equalTo("GREATER_THAN"))
                .body("[0].valueText", equalTo(">50"));
        member().queryParam("mineral", "rare_earths")
                .get("/countries/JP/dependencies").then().statusCode(200)
                .body("find { it.valueText == '~60' }.valueQualifier", equalTo("APPROXIMATELY"))
                .body("find { it.valueText == '~60' }.source.refs", contains("S82"));
    }

    @Test
    void coalitionOnlyGivesTheTwelveMembers() {
        member().queryParam("coalitionOnly", true).get("/countries").then().statusCode(200)
                .body("code", containsInAnyOrder("US", "JP", "DE", "FR", "GB", "IT", "CA", "EU", "AU", "IN", "KR", "MX"));
    }

    @Test
    void groupFilterMatchesWholeGroupNames() {
        member().queryParam("group", "G7").get("/countries").then().statusCode(200)
                .body("code", containsInAnyOrder("US", "JP", "DE", "FR", "GB", "IT", "CA"));
        member().queryParam("group", "EU_member").get("/countries").then().statusCode(200)
                .body("$", hasSize(12));
        member().queryParam("group", "EU_member").queryParam("coalitionOnly", true).get("/countries").then()
                .statusCode(200).body("code", containsInAnyOrder("DE", "FR", "IT"));
        member().queryParam("group", "no_such_group").get("/countries").then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void manyCodesAtOnceInTheOrderAsked() {
        member().queryParam("codes", "US,JP,EU").get("/countries").then().statusCode(200)
                .body("code", contains("US", "JP", "EU"));
        member().queryParam("codes", "JP,XX").get("/countries").then().statusCode(200)
                .body("code", contains("JP"));
        member().queryParam("codes", "JP,CN").queryParam("coalitionOnly", true).get("/countries").then()
                .statusCode(200).body("code", contains("JP"));
    }

    @Test
    void malformedCodesAreABadRequest() {
        member().queryParam("codes", "US,usa").get("/countries").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("codes"))
                .body("errors[0].reason", notNullValue());
    }

    @Test
    void unknownCountryIsA404Problem() {
        member().get("/countries/XX").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("No country with key 'XX'"));
        member().get("/countries/XX/dependencies").then().statusCode(404)
                .contentType("application/problem+json");
        member().get("/countries/XX/policy-measures").then().statusCode(404)
                .contentType("application/problem+json");
        member().get("/dependencies/999999").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void countryDependenciesFilterByMineralAndIndicator() {
        member().get("/countries/US/dependencies").then().statusCode(200).body("$", hasSize(25));
        member().queryParam("mineral", "graphite").get("/countries/US/dependencies").then().statusCode(200)
                .body("$", hasSize(3)).body("mineral.id", everyItem(equalTo("graphite")));
        member().queryParam("indicator", "china_share_of_imports").get("/countries/US/dependencies").then()
                .statusCode(200).body("$", hasSize(9)).body("indicator", everyItem(equalTo("china_share_of_imports")));
        member().queryParam("mineral", "graphite").queryParam("indicator", "china_share_of_imports")
                .get("/countries/US/dependencies").then().statusCode(200)
                .body("value", containsInAnyOrder(46.0f, 55.0f));
        member().get("/countries/GB/dependencies").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void dependenciesFilterAcrossCountries() {
        member().queryParam("mineral", "rare_earths").get("/dependencies").then().statusCode(200)
                .body("$", hasSize(12));
        member().queryParam("indicator", "net_import_reliance").get("/dependencies").then().statusCode(200)
                .body("$", hasSize(16)).body("countryCode", everyItem(equalTo("US")));
        member().queryParam("country", "JP").get("/dependencies").then().statusCode(200)
                .body("$", hasSize(8));
        member().queryParam("country", "DE").queryParam("mineral", "rare_earths")
                .queryParam("indicator", "china_share_of_imports").get("/dependencies").then().statusCode(200)
                .body("value", containsInAnyOrder(65.5f, 76.3f));
        member().queryParam("country", "ZZ").get("/dependencies").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void oneIndicatorById() {
        int id = member().queryParam("country", "IN").get("/dependencies").then().statusCode(200)
                .extract().path("[0].id");
        member().get("/dependencies/" + id).then().statusCode(200)
                .body("countryCode", equalTo("IN"))
                .body("mineral.id", equalTo("rare_earth_magnets"))
                .body("value", equalTo(93.0f))
                .body("source.refs", contains("S87"));
    }

    @Test
    void policyMeasuresAreReadOnlyFromPolicyRows() {
        member().get("/countries/JP/policy-measures").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].kind", equalTo("stockpile_target"))
                .body("[0].mineral.id", equalTo("rare_metals"))
                .body("[0].value", equalTo(60.0f))
                .body("[0].unit", equalTo("days of consumption (42 national + 18 private)"))
                .body("[0].source.refs", contains("S85", "S86"))
                .body("[0].source.year", equalTo(2020));
        member().get("/countries/EU/policy-measures").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].kind", equalTo("single_supplier_import_cap"))
                .body("[0].value", equalTo(65.0f));
        member().get("/countries/US/policy-measures").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void seedImportRunsOnlyOnce() {
        assertFalse(seedImporter.importSeed(), "the seed data set must not be imported twice");
        member().get("/countries").then().statusCode(200).body("$", hasSize(72));
        member().get("/dependencies").then().statusCode(200).body("$", hasSize(47));
    }
}
