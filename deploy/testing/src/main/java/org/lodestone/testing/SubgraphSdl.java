package org.lodestone.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The gateway composes the supergraph from each service's committed {@code subgraph.graphql}, so that file must be
 * exactly what the service serves as {@code _service { sdl }}. Called from a {@code @QuarkusTest} in the service
 * module (the working directory is the module, where the file lives).
 */
public final class SubgraphSdl {

    /** With this system property set to true the check rewrites the committed file instead of failing. */
    public static final String UPDATE_PROPERTY = "lodestone.update-sdl";

    private static final Path COMMITTED = Path.of("subgraph.graphql");

    private SubgraphSdl() {
    }

    /**
     * Fetches the served SDL with {@code token} and fails when it differs from the committed file, naming the
     * command that refreshes it; rewrites the file instead under {@code -Dlodestone.update-sdl=true}.
     */
    public static void assertCommittedMatchesServed(String module, String token) throws IOException {
        String served = GraphQL.ok(token, "{ _service { sdl } }").extract().path("data._service.sdl");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertEquals(committed, served, module + "/subgraph.graphql is stale: run ./mvnw -pl " + module
                + " verify -D" + UPDATE_PROPERTY + "=true to refresh");
    }
}
