package org.lodestone.country;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Who may call what over REST. Reads need any valid token; recording an indicator needs analyst or admin
 * (its happy path and cleanup live in {@link DependenceWriteTest}; here only refusals, so nothing is written).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "country"))
class RestSecurityTest {

    private static final String[] READS = {
            "/countries", "/countries?coalitionOnly=true", "/countries?group=G7", "/countries?codes=US,JP",
            "/countries/JP", "/countries/US/dependencies", "/countries/US/dependencies?mineral=gallium",
            "/countries/JP/policy-measures", "/dependencies", "/dependencies?country=US&indicator=net_import_reliance" };

    static Stream<Arguments> readMatrix() {
        return Stream.of(READS).flatMap(path -> Stream.of(
                Arguments.of(path, "anonymous", null, 401),
                Arguments.of(path, "expired", TestTokens.expired(), 401),
                Arguments.of(path, "forged", TestTokens.forged(), 401),
                Arguments.of(path, "wrong issuer", TestTokens.wrongIssuer(), 401),
                Arguments.of(path, "wrong audience", TestTokens.wrongAudience(), 401),
                Arguments.of(path, "member JP", TestTokens.member("JP"), 200),
                Arguments.of(path, "member of a non-coalition country", TestTokens.member("CN"), 200),
                Arguments.of(path, "analyst", TestTokens.analyst(), 200),
                Arguments.of(path, "admin", TestTokens.admin(), 200),
                Arguments.of(path, "no role", TestTokens.noRole(), 200)));
    }

    @ParameterizedTest(name = "GET {0} as {1} -> {3}")
    @MethodSource("readMatrix")
    void reads(String path, String who, String token, int expected) {
        request(token).get(path).then().statusCode(expected);
    }

    static Stream<Arguments> writeRefusals() {
        return Stream.of(
                Arguments.of("anonymous", null, 401),
                Arguments.of("expired", TestTokens.expired(), 401),
                Arguments.of("forged", TestTokens.forged(), 401),
                Arguments.of("wrong issuer", TestTokens.wrongIssuer(), 401),
                Arguments.of("wrong audience", TestTokens.wrongAudience(), 401),
                Arguments.of("member JP", TestTokens.member("JP"), 403),
                Arguments.of("member US", TestTokens.member("US"), 403),
                Arguments.of("no role", TestTokens.noRole(), 403));
    }

    @ParameterizedTest(name = "POST /countries/US/dependencies as {0} -> {2}")
    @MethodSource("writeRefusals")
    void writesAreRefused(String who, String token, int expected) {
        request(token).contentType("application/json").body("""
                {"mineral": "gallium", "indicator": "net_import_reliance", "value": 10, "unit": "%",
                 "period": "2025", "source": "test"}
                """).post("/countries/US/dependencies").then().statusCode(expected);
        given().auth().oauth2(TestTokens.admin()).get("/dependencies?country=US&mineral=gallium").then()
                .statusCode(200).body("size()", equalTo(2));
    }

    private static RequestSpecification request(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }
}
