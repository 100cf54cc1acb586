package org.lodestone.country;

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
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The gateway composes the committed {@code subgraph.graphql}; this fails when the served SDL has moved on.
 * With {@code -Dlodestone.update-sdl=true} it rewrites the file instead.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "country"))
class SubgraphSchemaTest {

    private static final Path COMMITTED = Path.of("subgraph.graphql");

    @Test
    void committedSdlMatchesServedSdl() throws IOException {
        String served = given().auth().oauth2(TestTokens.member("JP"))
                .contentType(ContentType.JSON)
                .body(Map.of("query", "{ _service { sdl } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .extract().path("data._service.sdl");

        if (Boolean.getBoolean("lodestone.update-sdl")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertEquals(committed, served, "country-service/subgraph.graphql is stale: "
                + "run ./mvnw -pl country-service verify -Dlodestone.update-sdl=true to refresh");
    }
}
