package org.lodestone.mineral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Bulk price ingestion: all rows in one transaction, or none and a list of bad rows. Generated rows are dated
 * 1950-1999 so they never mix with the real 2021-2025 data other tests count.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@Order(6)
class BulkPriceIngestionTest {

    private static final String HEADER = "mineral,date,period_type,price,unit_currency,series,basis,source\n";
    private static final List<String> MINERALS = List.of("lithium", "cobalt", "nickel", "gallium", "germanium");

    private static int stored(String mineral, String from, String to) {
        return given().auth().oauth2(TestTokens.member("JP"))
                .get("/prices?mineral=" + mineral + "&from=" + from + "&to=" + to).then().statusCode(200).extract()
                .jsonPath().getList("$").size();
    }

    private static int allGenerated() {
        return MINERALS.stream().mapToInt(m -> stored(m, "1950", "1999")).sum();
    }

    private static String csvRow(int i) {
        int year = 1950 + (i / 12) % 50;
        int month = 1 + i % 12;
        return "%s,%d-%02d,month_or_point,%d.%02d,USD/t,\"Generated series, bulk test\",test_fixture,Bulk ingestion test fixture [T%d]\n"
                .formatted(MINERALS.get(i % MINERALS.size()), year, month, 1000 + i % 500, i % 100, i);
    }

    @Test
    void hundredThousandCsvRowsInOneRequest() {
        int rows = 100_000;
        StringBuilder body = new StringBuilder(rows * 110).append(HEADER);
        for (int i = 0; i < rows; i++) {
            body.append(csvRow(i));
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        int before = allGenerated();
        long start = System.nanoTime();
        var result = given().auth().oauth2(TestTokens.analyst()).contentType("text/csv").body(bytes)
                .post("/prices/bulk").then().statusCode(200).body("inserted", is(rows))
                .extract().jsonPath();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCHMARK bulk price ingestion: %d CSV rows (%.1f MB) in %.2f s = %.0f rows/s "
                + "(server: parse+validate %d ms, insert %d ms)%n", rows, bytes.length / 1e6, seconds, rows / seconds,
                result.getLong("parseMillis"), result.getLong("storeMillis"));
        assertEquals(before + rows, allGenerated());
    }

    @Test
    void jsonLinesBatch() {
        int before = stored("tungsten", "1950", "1999");
        String body = """
                {"mineral":"tungsten","date":"1951","period_type":"annual_average","price":101.5,"unit_currency":"USD per mtu WO3","source":"JSONL fixture"}
                {"mineral":"tungsten","date":"1951-06","period_type":"month_or_point","price":99,"unit_currency":"USD per mtu WO3","series":"fixture","basis":"test_fixture","source":"JSONL fixture"}

                {"mineral":"tungsten","date":"1952","period_type":"annual_average","price":0,"unit_currency":"USD per mtu WO3","source":"JSONL fixture"}
                """;
        given().auth().oauth2(TestTokens.admin()).contentType("application/x-ndjson")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/prices/bulk").then().statusCode(200).body("inserted", is(3));
        assertEquals(before + 3, stored("tungsten", "1950", "1999"));
    }

    @Test
    void everyBadRowIsReportedAndNothingIsStored() {
        int before = allGenerated();
        String body = HEADER
                + csvRow(1)
                + "unobtainium,1960-01,month_or_point,10,USD/t,s,b,src\n"
                + "lithium,1960-01,month_or_point,-5,USD/t,s,b,src\n"
                + "lithium,1960-13,month_or_point,5,USD/t,s,b,src\n"
                + "lithium,1960-01,annual_average,5,USD/t,s,b,src\n"
                + "lithium,1960,weekly,5,USD/t,s,b,src\n"
                + "lithium,1960,annual_average,five,USD/t,s,b,src\n"
                + "lithium,1960,annual_average,5,USD/t,s\n"
                + csvRow(2);
        given().auth().oauth2(TestTokens.analyst()).contentType("text/csv").body(body)
                .post("/prices/bulk").then().statusCode(400).contentType("application/problem+json")
                .body("errorCount", is(7))
                .body("errors", hasSize(7))
                .body("errors.find { it.line == 3 }.field", is("mineral"))
                .body("errors.find { it.line == 4 }.reason", is("must not be negative"))
                .body("errors.find { it.line == 5 }.field", is("date"))
                .body("errors.find { it.line == 6 }.reason", containsString("YYYY"))
                .body("errors.find { it.line == 7 }.field", is("period_type"))
                .body("errors.find { it.line == 8 }.field", is("price"))
                .body("errors.find { it.line == 9 }.reason", containsString("malformed CSV"));
        assertEquals(before, allGenerated());
    }

    /** PostgreSQL's own refusal of a row the service let through still names the row's line of the upload. */
    @Test
    void aRowPostgresRefusesIsReportedWithItsLine() {
        int before = allGenerated();
        given().auth().oauth2(TestTokens.analyst()).contentType("text/csv")
                .body(HEADER + csvRow(5) + csvRow(6) + "lithium,1961-01,month_or_point,5,USD/t,,,nul \u0000 byte\n"
                        + csvRow(7))
                .post("/prices/bulk").then().statusCode(400).contentType("application/problem+json")
                .body("errorCount", is(1))
                .body("errors[0].line", is(4))
                .body("errors[0].reason", containsString("0x00"));
        given().auth().oauth2(TestTokens.analyst()).contentType("text/csv")
                .body(HEADER + csvRow(8) + "lithium,0000,annual_average,5,USD/t,,,src\n"
                        + "lithium,0000-01,month_or_point,5,USD/t,,,src\n")
                .post("/prices/bulk").then().statusCode(400)
                .body("errorCount", is(2))
                .body("errors.find { it.line == 3 }.field", is("date"))
                .body("errors.find { it.line == 4 }.field", is("date"));
        assertEquals(before, allGenerated());
    }

    @Test
    void brokenQuotingIsMalformedCsv() {
        int before = allGenerated();
        given().auth().oauth2(TestTokens.analyst()).contentType("text/csv")
                .body(HEADER + csvRow(3) + csvRow(4) + "lithium,1960-01,month_or_point,5,USD/t,\"unterminated,b,src\n")
                .post("/prices/bulk").then().statusCode(400)
                .body("errors[0].line", is(4))
                .body("errors[0].reason", containsString("unterminated quoted field"));
        given().auth().oauth2(TestTokens.analyst()).contentType("text/csv")
                .body("mineral,when,price\n" + "lithium,1960,5\n")
                .post("/prices/bulk").then().statusCode(400)
                .body("errors.field", hasItem("when"))
                .body("errors.field", hasItem("date"));
        assertEquals(before, allGenerated());
    }

    @Test
    void manyBadRowsAreCappedButCounted() {
        StringBuilder body = new StringBuilder(HEADER);
        for (int i = 0; i < 250; i++) {
            body.append("lithium,1970-01,month_or_point,-1,USD/t,s,b,src\n");
        }
        given().auth().oauth2(TestTokens.analyst()).contentType("text/csv").body(body.toString())
                .post("/prices/bulk").then().statusCode(400)
                .body("errorCount", is(250)).body("errors", hasSize(100));
    }

    @Test
    void badJsonLines() {
        int before = stored("tungsten", "1950", "1999");
        String body = """
                {"mineral":"tungsten","date":"1953","period_type":"annual_average","price":1,"unit_currency":"u","source":"s"}
                {"mineral":"tungsten","date":"1953","period_type":"annual_average","price":"1","unit_currency":"u","source":"s"}
                {"mineral":"tungsten", "date":
                [1,2]
                {"mineral":"tungsten","date":"1953","period_type":"annual_average","price":1,"unit_currency":"u","colour":"red","source":"s"}
                """;
        given().auth().oauth2(TestTokens.analyst()).contentType("application/x-ndjson")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/prices/bulk").then().statusCode(400)
                .body("errorCount", is(4))
                .body("errors.find { it.line == 2 }.field", is("price"))
                .body("errors.find { it.line == 3 }.reason", containsString("malformed JSON"))
                .body("errors.find { it.line == 4 }.reason", containsString("JSON object"))
                .body("errors.find { it.line == 5 }.field", is("colour"));
        assertEquals(before, stored("tungsten", "1950", "1999"));
    }

    @Test
    void wrongContentTypeIs415() {
        given().auth().oauth2(TestTokens.analyst()).contentType("application/json").body("[]")
                .post("/prices/bulk").then().statusCode(415);
        given().auth().oauth2(TestTokens.analyst()).contentType("text/plain").body(HEADER + csvRow(5))
                .post("/prices/bulk").then().statusCode(415);
    }

    @Test
    void emptyBatchIsRejected() {
        given().auth().oauth2(TestTokens.analyst()).contentType("text/csv").body(HEADER)
                .post("/prices/bulk").then().statusCode(400).body("errors[0].reason", is("the batch has no rows"));
    }

    /** The test profile caps bulk bodies at 24 MB. */
    @Test
    void oversizedBodyIs413AndNothingIsStored() {
        int before = allGenerated();
        int rows = 260_000;
        StringBuilder body = new StringBuilder(rows * 110).append(HEADER);
        for (int i = 0; i < rows; i++) {
            body.append(csvRow(i));
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(TestTokens.analyst()).contentType("text/csv").body(bytes)
                .post("/prices/bulk").then().statusCode(413).contentType("application/problem+json");
        assertEquals(before, allGenerated());
    }

    @Test
    void singlePriceValidation() {
        given().auth().oauth2(TestTokens.analyst()).contentType("application/json").body("""
                {"mineral":"lithium","date":"1949-02","periodType":"annual_average","price":-1,"unitCurrency":"USD/t"}""")
                .post("/prices").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("date"))
                .body("errors.field", hasItem("price"))
                .body("errors.field", hasItem("source"));
        given().auth().oauth2(TestTokens.analyst()).contentType("application/json").body("""
                {"mineral":"lithium","date":"1949","periodType":"daily","price":1,"source":"s"}""")
                .post("/prices").then().statusCode(400)
                .body("errors.field", hasItem("periodType"))
                .body("errors.field", hasItem("unitCurrency"));
        given().auth().oauth2(TestTokens.analyst()).contentType("application/json").body("{\"price\": \"abc\"}")
                .post("/prices").then().statusCode(400);
    }
}
