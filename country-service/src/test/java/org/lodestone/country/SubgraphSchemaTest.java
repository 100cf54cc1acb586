package org.lodestone.country;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.SubgraphSdl;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway composes the committed {@code subgraph.graphql}; this fails when the served SDL has moved on.
 * With {@code -Dlodestone.update-sdl=true} it rewrites the file instead.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "country"))
class SubgraphSchemaTest {

    @Test
    void committedSdlMatchesServedSdl() throws IOException {
        SubgraphSdl.assertCommittedMatchesServed("country-service", TestTokens.member("JP"));
    }
}
