package org.lodestone.agreement;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.SubgraphSdl;
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

    @Test
    void committedSdlMatchesServedSdl() throws IOException {
        SubgraphSdl.assertCommittedMatchesServed("agreement-service", TestTokens.noRole());
    }
}
