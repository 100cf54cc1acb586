package org.lodestone.mineral;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The committed subgraph.graphql is what the gateway composes; it must equal the SDL this service serves.
 * {@code -Dlodestone.update-sdl=true} rewrites the file instead of failing.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SubgraphSchemaTest {

    private static final Path COMMITTED = Path.of("subgraph.graphql");

    @Test
    void committedSdlMatchesServedSdl() throws IOException {
        String served = given().auth().oauth2(TestTokens.member("JP")).contentType(ContentType.JSON)
                .body(Map.of("query", "{ _service { sdl } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .extract().path("data._service.sdl");
        if (Boolean.getBoolean("lodestone.update-sdl")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertEquals(committed, served, "mineral-service/subgraph.graphql is stale: run "
                + "./mvnw -pl mineral-service verify -Dlodestone.update-sdl=true to refresh");
    }
}
