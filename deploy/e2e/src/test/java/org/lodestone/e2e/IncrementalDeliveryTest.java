package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.e2e.RunningStack.step;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @defer} through the real stack: a member asks for a country now and its agreements (another subgraph)
 * later. The gateway answers {@code multipart/mixed}: the country first, without the agreements, then the deferred
 * agreements at the country's path, then the closing delimiter.
 */
@Order(5)
@ExtendWith(RunningStack.class)
class IncrementalDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PART_HEADER = "Content-Type: application/json; charset=utf-8\r\n\r\n";

    @Test
    @SuppressWarnings("unchecked")
    void theDeferredAgreementsFollowTheCountry() throws Exception {
        step("a query deferring Country.agreements, Accept: multipart/mixed;deferSpec=20220824, as us-member");
        String query = """
                { country(code: "US") { code name ... @defer(label: "agreements") { agreements { id } } } }""";
        HttpRequest request = HttpRequest.newBuilder(URI.create(RunningStack.graphql().endpoint()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + RunningStack.keycloak().token("us-member"))
                .header("Content-Type", "application/json")
                .header("Accept", "multipart/mixed;deferSpec=20220824, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        step("  -> HTTP " + response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("multipart/mixed; boundary=\"-\"; deferSpec=20220824",
                response.headers().firstValue("Content-Type").orElse(""));
        String body = response.body();
        assertTrue(body.endsWith("\r\n-----\r\n"), body);
        List<Map<String, Object>> parts = new ArrayList<>();
        for (String part : body.substring(0, body.length() - "\r\n-----\r\n".length()).split("\r\n---\r\n")) {
            if (!part.isEmpty()) {
                assertTrue(part.startsWith(PART_HEADER), part);
                parts.add(JSON.readValue(part.substring(PART_HEADER.length()), new TypeReference<>() {
                }));
            }
        }
        step("  -> " + parts.size() + " parts: " + parts);
        assertEquals(2, parts.size(), body);

        Map<String, Object> country = (Map<String, Object>) ((Map<String, Object>) parts.get(0).get("data"))
                .get("country");
        assertEquals("US", country.get("code"), body);
        assertFalse(country.containsKey("agreements"), "the initial part leaves the deferred fragment out: " + body);
        assertEquals(true, parts.get(0).get("hasNext"));

        Map<String, Object> deferred = ((List<Map<String, Object>>) parts.get(1).get("incremental")).get(0);
        assertEquals(List.of("country"), deferred.get("path"));
        assertEquals("agreements", deferred.get("label"));
        List<Map<String, Object>> agreements = (List<Map<String, Object>>) ((Map<String, Object>) deferred.get("data"))
                .get("agreements");
        assertFalse(agreements.isEmpty(), body);
        assertEquals(false, parts.get(1).get("hasNext"));
    }
}
