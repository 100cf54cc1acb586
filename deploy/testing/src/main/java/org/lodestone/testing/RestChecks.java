package org.lodestone.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

/** REST checks every service makes of its own endpoints. */
public final class RestChecks {

    private RestChecks() {
    }

    /**
     * Each path (already percent-encoded, sent as is) answers 400 problem+json to an authorised caller: used for NUL
     * and other control characters, which must never reach the database.
     */
    public static void eachIs400ProblemJson(String token, List<String> encodedPaths) {
        for (String path : encodedPaths) {
            given().auth().oauth2(token).urlEncodingEnabled(false).get(path).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("status", equalTo(400));
        }
    }
}
