package org.lodestone.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.testsupport.CoalitionStubsResource;
import org.lodestone.testing.TestTokens;

/**
 * {@code @defer} over HTTP: {@code multipart/mixed; boundary="-"; deferSpec=20220824}, the initial part on the wire
 * while the subgraph the deferred fragment needs is still answering, the closing delimiter after the last part.
 */
@QuarkusTest
@QuarkusTestResource(CoalitionStubsResource.class)
class IncrementalDeliveryHttpTest {

    private static final long SLOW_MILLIS = 2000;
    private static final String QUERY = """
            { countries { code ... @defer(label: "supply") { supplyShares { sharePct } } } }""";

    @TestHTTPResource("/graphql")
    URL endpoint;

    @BeforeEach
    void reset() {
        CoalitionStubsResource.reset();
    }

    @Test
    void theInitialPartIsOnTheWireBeforeTheSlowSubgraphAnswers() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.toString()))
                .header("Authorization", "Bearer " + TestTokens.admin())
                .header("Content-Type", "application/json")
                .header("Accept", "multipart/mixed;deferSpec=20220824, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(Map.of("query", QUERY))))
                .build();
        client.send(request, HttpResponse.BodyHandlers.ofString()); // warm: plan cached, connections open
        CoalitionStubsResource.reset();
        CoalitionStubsResource.stub("minerals").delay(SLOW_MILLIS);

        long started = System.nanoTime();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals("multipart/mixed; boundary=\"-\"; deferSpec=20220824",
                response.headers().firstValue("Content-Type").orElse(""));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[8192];
            String initialEnd = "\"hasNext\":true}";
            while (!received.toString(StandardCharsets.UTF_8).contains(initialEnd)) {
                int read = body.read(buffer);
                assertTrue(read > 0, "body ended before the initial part: " + received);
                received.write(buffer, 0, read);
            }
            long initialMillis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(initialMillis < SLOW_MILLIS, "initial part after " + initialMillis + " ms");
            body.transferTo(received);
        }
        long totalMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(totalMillis >= SLOW_MILLIS, "whole response after " + totalMillis + " ms");
        String text = received.toString(StandardCharsets.UTF_8);
        String part = "\r\n---\r\nContent-Type: application/json; charset=utf-8\r\n\r\n";
        assertEquals(part + "{\"data\":{\"countries\":[{\"code\":\"US\"},{\"code\":\"JP\"},{\"code\":\"DE\"}]},\"hasNext\":true}"
                + part + "{\"incremental\":["
                + "{\"data\":{\"supplyShares\":[]},\"path\":[\"countries\",0],\"label\":\"supply\"},"
                + "{\"data\":{\"supplyShares\":[{\"sharePct\":1.0}]},\"path\":[\"countries\",1],\"label\":\"supply\"},"
                + "{\"data\":{\"supplyShares\":[]},\"path\":[\"countries\",2],\"label\":\"supply\"}],\"hasNext\":false}"
                + "\r\n-----\r\n", text);
    }

    @Test
    void aClientThatAcceptsOnlyJsonGetsOneResult() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).accept("application/graphql-response+json")
                .body(Map.of("query", QUERY))
                .when().post("/graphql")
                .then().statusCode(200).contentType(startsWith("application/graphql-response+json"))
                .body("data.countries[1].supplyShares[0].sharePct", equalTo(1.0f))
                .body("hasNext", nullValue());
    }

    @Test
    void aQueryWithoutDeferIsOneJsonResultEvenWhenMultipartIsAccepted() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .accept("multipart/mixed;deferSpec=20220824")
                .body(Map.of("query", "{ countries { code } }"))
                .when().post("/graphql")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .body("data.countries[0].code", equalTo("US"));
    }
}
