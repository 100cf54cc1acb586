package org.lodestone.mineral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.RestChecks;
import org.lodestone.testing.TestTokens;
import org.lodestone.mineral.api.NewExportControl;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Analysts record export controls and suspensions over REST and GraphQL; bad input changes nothing. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@Order(4)
class ExportControlWriteTest {

    private static int count() {
        return given().auth().oauth2(TestTokens.member("JP")).get("/export-controls").then().extract()
                .jsonPath().getList("$").size();
    }

    @Test
    void analystRecordsAControlAndItsSuspensionOverRest() {
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body("""
                {"id":"EC-2030-TEST-GA","imposingCountry":"cn","minerals":["gallium"],"targets":["US","JP"],
                 "measure":"ban","announcedDate":"2030-01-02","effectiveDate":"2030-02-01",
                 "summary":"Test fixture","source":"Test fixture source, 2030, https://example.org/fixture [S99]"}""")
                .post("/export-controls").then().statusCode(201)
                .body("imposingCountry", is("CN")).body("targetsAll", is(false))
                .body("source.url", is("https://example.org/fixture")).body("source.refs[0]", is("S99"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("""
                {"id":"EC-2030-TEST-SUSP","imposingCountry":"CN","minerals":["gallium"],"targets":["US","JP"],
                 "measure":"suspension","effectiveDate":"2030-06-01","endsDate":"2030-08-31",
                 "suspends":"EC-2030-TEST-GA","source":"Test fixture source"}""")
                .post("/export-controls").then().statusCode(201).body("suspends", is("EC-2030-TEST-GA"));
        var member = given().auth().oauth2(TestTokens.member("JP"));
        member.get("/export-controls?activeOn=2030-03-01&mineral=gallium&target=JP").then()
                .body("id", hasItem("EC-2030-TEST-GA"));
        given().auth().oauth2(TestTokens.member("JP"))
                .get("/export-controls?activeOn=2030-07-01&mineral=gallium&target=JP").then()
                .body("id", org.hamcrest.Matchers.not(hasItem("EC-2030-TEST-GA")));
        given().auth().oauth2(TestTokens.member("JP"))
                .get("/export-controls?activeOn=2030-09-01&mineral=gallium&target=DE").then()
                .body("id", org.hamcrest.Matchers.not(hasItem("EC-2030-TEST-GA")));
        // same id again: conflict, nothing written
        int before = count();
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body("""
                {"id":"EC-2030-TEST-GA","imposingCountry":"CN","minerals":["gallium"],"targetsAll":true,
                 "measure":"ban","effectiveDate":"2030-02-01","source":"dup"}""")
                .post("/export-controls").then().statusCode(409).contentType("application/problem+json");
        assertEquals(before, count());
    }

    @Test
    void badInputIsA400ListingEveryFieldAndWritesNothing() {
        int before = count();
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body("""
                {"imposingCountry":"XX","minerals":["gallium","unobtainium"],"targets":["ZZ"],"measure":"embargo",
                 "announcedDate":"2030-05-01","effectiveDate":"2030-04-01","endsDate":"2030-03-01"}""")
                .post("/export-controls").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("imposingCountry"))
                .body("errors.reason", hasItem(containsString("unknown mineral 'unobtainium'")))
                .body("errors.field", hasItem("targets"))
                .body("errors.field", hasItem("measure"))
                .body("errors.reason", hasItem("is before announcedDate"))
                .body("errors.field", hasItem("endsDate"))
                .body("errors.field", hasItem("source"));
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body("""
                {"imposingCountry":"CN","minerals":["gallium"],"targetsAll":true,"measure":"suspension",
                 "effectiveDate":"2030-13-01","suspends":"EC-NOPE","source":"x"}""")
                .post("/export-controls").then().statusCode(400)
                .body("errors.field", hasItem("effectiveDate"))
                .body("errors.field", hasItem("suspends"));
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body("{\"imposingCountry\": ")
                .post("/export-controls").then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, count());
    }

    @Test
    void recordExportControlMutation() {
        GraphQL.post(TestTokens.analyst(), """
                mutation($input: NewExportControl!) {
                  recordExportControl(input: $input) {
                    id imposingCountry { code } minerals { id } targetsAll measure effectiveOn status source { citation }
                  }
                }""", Map.of("input", Map.of("imposingCountry", "ID", "minerals", java.util.List.of("nickel"),
                "targetsAll", true, "measure", "ban", "effectiveOn", "2031-01-01",
                "source", "Test fixture: future nickel ore ban")))
                .statusCode(200).body("errors", nullValue())
                .body("data.recordExportControl.imposingCountry.code", is("ID"))
                .body("data.recordExportControl.minerals[0].id", is("nickel"))
                .body("data.recordExportControl.status", is("ANNOUNCED"))
                .body("data.recordExportControl.id", containsString("EC-2031-ID-"));
        int before = count();
        GraphQL.post(TestTokens.admin(), """
                mutation { recordExportControl(input: { imposingCountry: "CN", minerals: ["unobtainium"],
                  targetsAll: true, measure: "embargo", effectiveOn: "2031-01-01", source: "x" }) { id } }""")
                .statusCode(200)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("unknown mineral 'unobtainium'"))
                .body("errors[0].message", containsString("measure"));
        GraphQL.post(TestTokens.member("JP"), """
                mutation { recordExportControl(input: { imposingCountry: "CN", minerals: ["gallium"],
                  targetsAll: true, measure: "ban", effectiveOn: "2031-01-01", source: "x" }) { id } }""")
                .body("errors[0].extensions.code", is("FORBIDDEN"));
        assertEquals(before, count());
        GraphQL.post(TestTokens.member("JP"), "{ exportControls(imposingCountry: \"ID\") { id } }")
                .body("data.exportControls", hasSize(1));
    }

    @Test
    void measureIsAClosedVocabulary() {
        // every allowed value is accepted, in any case, and stored in lower case
        for (String measure : ControlMeasure.CODES) {
            String id = "EC-2032-MEASURE-" + measure.toUpperCase();
            String suspends = measure.equals("suspension") ? ",\"suspends\":\"EC-2032-MEASURE-BAN\"" : "";
            given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body("""
                    {"id":"%s","imposingCountry":"CN","minerals":["antimony"],"targetsAll":true,"measure":"%s",
                     "effectiveDate":"2032-01-01","source":"Test fixture"%s}""".formatted(id,
                    measure.substring(0, 1).toUpperCase() + measure.substring(1), suspends))
                    .post("/export-controls").then().statusCode(201).body("measure", is(measure));
        }
        int before = count();
        String allowed = "must be one of [ban, halt, licence, suspension]";
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body("""
                {"imposingCountry":"CN","minerals":["antimony"],"targetsAll":true,"measure":"tariff",
                 "effectiveDate":"2032-01-01","source":"Test fixture"}""")
                .post("/export-controls").then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(1)).body("errors[0].field", is("measure"))
                .body("errors[0].reason", is(allowed));
        GraphQL.post(TestTokens.analyst(), """
                mutation { recordExportControl(input: { imposingCountry: "CN", minerals: ["antimony"],
                  targetsAll: true, measure: "quota", effectiveOn: "2032-01-01", source: "x" }) { id } }""")
                .statusCode(200)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString(allowed));
        assertEquals(before, count());
        // the OpenAPI document lists the same values
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.NewExportControl.properties.measure.enum", is(ControlMeasure.CODES))
                .body("components.schemas.ExportControlDto.properties.measure.enum", is(ControlMeasure.CODES));
    }

    /** NUL and other control characters in a path or query parameter: 400 problem+json, never a database error. */
    @Test
    void controlCharactersInPathsAndQueryParametersAre400ProblemJson() {
        RestChecks.eachIs400ProblemJson(TestTokens.admin(),
                List.of("/minerals/%00", "/minerals/lith%00ium", "/minerals/%0A", "/export-controls/%00"));
    }
}
