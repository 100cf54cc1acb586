package org.lodestone.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * kustomize reads files only inside its root, so the gateway's supergraph is kept as a copy next to the gateway
 * manifests; this keeps the copy identical to the composed file the gateway ships.
 */
class SupergraphCopyTest {

    private static final Path COMPOSED = RepositoryLayout.root().resolve("gateway/src/main/resources/supergraph.graphql");
    private static final Path COPY = RepositoryLayout.kubernetesDir().resolve("base/gateway/supergraph.graphql");

    @Test
    void kubernetesCopyEqualsTheComposedSupergraph() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(COMPOSED), "gateway has no composed supergraph yet: " + COMPOSED);
        if (Boolean.getBoolean("lodestone.update-supergraph")) {
            Files.copy(COMPOSED, COPY, StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals(Files.readString(COMPOSED), Files.readString(COPY),
                "deploy/kubernetes/base/gateway/supergraph.graphql is stale: run ./mvnw -pl gateway generate-resources"
                        + " -Dlodestone.compose=write (it refreshes this copy too)");
    }

    @Test
    void renderedSupergraphConfigMapCarriesTheCopyAndIsMountedWhereTheGatewayLooks() throws IOException {
        String copy = Files.readString(COPY);
        for (String overlay : RenderedManifests.OVERLAYS) {
            RenderedManifests r = RenderedManifests.of(overlay);
            JsonNode configMap = r.ofKind("ConfigMap").stream()
                    .filter(c -> RenderedManifests.name(c).startsWith("gateway-supergraph-")).findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": no generated gateway-supergraph ConfigMap"));
            assertEquals(copy, configMap.path("data").path("supergraph.graphql").asText(), overlay + ": supergraph content");
            JsonNode gatewayConfig = r.ofKind("ConfigMap").stream()
                    .filter(c -> RenderedManifests.name(c).startsWith("gateway-config-")).findFirst().orElseThrow();
            String path = gatewayConfig.path("data").path("LODESTONE_GATEWAY_SUPERGRAPH_PATH").asText();
            JsonNode podSpec = r.find("Deployment", "gateway").orElseThrow().path("spec").path("template").path("spec");
            boolean mounted = false;
            for (JsonNode mount : podSpec.path("containers").get(0).path("volumeMounts")) {
                if (path.equals(mount.path("mountPath").asText() + "/supergraph.graphql")) {
                    for (JsonNode volume : podSpec.path("volumes")) {
                        mounted |= volume.path("name").asText().equals(mount.path("name").asText())
                                && volume.path("configMap").path("name").asText().equals(RenderedManifests.name(configMap));
                    }
                }
            }
            assertTrue(mounted, overlay + ": " + path + " is not the mounted gateway-supergraph ConfigMap");
        }
    }
}
