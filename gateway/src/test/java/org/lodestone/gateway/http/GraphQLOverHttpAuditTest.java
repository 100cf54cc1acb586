package org.lodestone.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import org.lodestone.gateway.testsupport.CoalitionStubsResource;
import org.lodestone.testing.TestTokens;

/**
 * The public GraphQL-over-HTTP audit (npm {@code graphql-http}, its {@code auditServer}, run by
 * {@code http-audit/audit.mjs}) against the running gateway: every MUST and every SHOULD passes.
 */
@QuarkusTest
@QuarkusTestResource(CoalitionStubsResource.class)
class GraphQLOverHttpAuditTest {

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void everyMustAndShouldOfTheAuditPasses() throws Exception {
        Path log = Files.createTempFile("http-audit", ".log");
        ProcessBuilder builder = new ProcessBuilder("node", "audit.mjs", graphql.toString())
                .directory(Path.of("http-audit").toFile())
                .redirectError(log.toFile());
        builder.environment().put("LODESTONE_AUDIT_TOKEN", TestTokens.admin());
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "audit did not finish");
        assertEquals(0, process.exitValue(), () -> "audit failed: " + readQuietly(log));
        List<Map<String, Object>> results = new ObjectMapper().readValue(new String(output, StandardCharsets.UTF_8),
                new TypeReference<>() {
                });

        List<Map<String, Object>> mustAndShould = results.stream()
                .filter(r -> String.valueOf(r.get("name")).startsWith("MUST")
                        || String.valueOf(r.get("name")).startsWith("SHOULD"))
                .toList();
        List<String> failed = mustAndShould.stream().filter(r -> !"ok".equals(r.get("status")))
                .map(r -> r.get("status") + " " + r.get("name") + ": " + r.get("reason")).toList();
        // graphql-http 1.23.1 has 13 MUST and 23 SHOULD checks.
        assertEquals(36, mustAndShould.size(), results::toString);
        assertEquals(List.of(), failed);
    }

    private static String readQuietly(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
