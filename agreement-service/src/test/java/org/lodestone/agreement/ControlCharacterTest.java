package org.lodestone.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

/** NUL and other control characters in a path or query parameter: 400 problem+json, never a database error. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ControlCharacterTest {

    @Test
    void controlCharactersInPathsAndQueryParametersAre400ProblemJson() {
        String token = TestTokens.admin();
        for (String path : List.of("/agreements/%00", "/commitments/%00", "/agreements?party=%00", "/agreements/AG%01/commitments")) {
            given().auth().oauth2(token).urlEncodingEnabled(false).get(path).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("status", equalTo(400));
        }
    }
}
