package org.lodestone.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed subgraph.graphql must be exactly what the service serves as {@code _service { sdl }}: the gateway
 * composes the supergraph from the committed files.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SubgraphSchemaTest {

    private static final Path COMMITTED = Path.of("subgraph.graphql");

    @Test
    void committedSdlMatchesServedSdl() throws IOException {
        String served = Graph.ok(TestTokens.noRole(), "{ _service { sdl } }").extract().path("data._service.sdl");
        if (Boolean.getBoolean("lodestone.update-sdl")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertEquals(committed, served, "agreement-service/subgraph.graphql is stale: "
                + "run ./mvnw -pl agreement-service verify -Dlodestone.update-sdl=true to refresh");
    }
}
