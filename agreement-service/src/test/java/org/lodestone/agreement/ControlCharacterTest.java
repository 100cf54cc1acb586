package org.lodestone.agreement;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.RestChecks;
import org.lodestone.testing.TestTokens;

/** NUL and other control characters in a path or query parameter: 400 problem+json, never a database error. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ControlCharacterTest {

    @Test
    void controlCharactersInPathsAndQueryParametersAre400ProblemJson() {
        RestChecks.eachIs400ProblemJson(TestTokens.admin(),
                List.of("/agreements/%00", "/commitments/%00", "/agreements?party=%00",
                        "/agreements/AG%01/commitments"));
    }
}
