package org.lodestone.mineral;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.SubgraphSdl;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed subgraph.graphql is what the gateway composes; it must equal the SDL this service serves.
 * {@code -Dlodestone.update-sdl=true} rewrites the file instead of failing.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SubgraphSchemaTest {

    @Test
    void committedSdlMatchesServedSdl() throws IOException {
        SubgraphSdl.assertCommittedMatchesServed("mineral-service", TestTokens.member("JP"));
    }
}
