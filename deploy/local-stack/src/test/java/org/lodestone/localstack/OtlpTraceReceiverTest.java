package org.lodestone.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

/**
 * The receiver against a real export: {@code gateway-export.bin} is the body the gateway's OpenTelemetry exporter
 * (OTLP/HTTP protobuf, SDK 1.57) posted for one refused {@code POST /graphql}. Its span carries an exception event
 * and flags, fields the decoder must skip to reach the ones after them.
 */
class OtlpTraceReceiverTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void decodesTheSpanOfARealExportAndAnswersWithAnEmptySuccess() throws Exception {
        try (OtlpTraceReceiver receiver = OtlpTraceReceiver.start(0)) {
            HttpResponse<Void> response = post(receiver, export(), false);

            assertEquals(200, response.statusCode());
            assertRealSpan(receiver.spans());
        }
    }

    @Test
    void acceptsAGzippedExport() throws Exception {
        try (OtlpTraceReceiver receiver = OtlpTraceReceiver.start(0)) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(export());
            }

            assertEquals(200, post(receiver, zipped.toByteArray(), true).statusCode());
            assertRealSpan(receiver.spans());
        }
    }

    @Test
    void refusesATruncatedExportWith400AndKeepsNothing() throws Exception {
        try (OtlpTraceReceiver receiver = OtlpTraceReceiver.start(0)) {
            byte[] whole = export();
            byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);

            assertEquals(400, post(receiver, truncated, false).statusCode());
            assertTrue(receiver.spans().isEmpty());
        }
    }

    private static void assertRealSpan(List<OtlpSpan> spans) {
        assertEquals(1, spans.size(), spans.toString());
        OtlpSpan span = spans.get(0);
        assertEquals("gateway", span.service());
        assertEquals("POST /graphql", span.name());
        assertEquals("d97ed83e7bdd82683d4ee9854efe7a50", span.traceId());
        assertEquals("5af6a3d95c9a3a05", span.spanId());
        assertNull(span.parentSpanId());
        assertEquals(2, span.kind(), "server span");
        assertEquals(40_984_505L, span.endNanos() - span.startNanos());
        assertEquals("/graphql", span.attributes().get("http.route"));
        assertEquals(401L, span.attributes().get("http.response.status_code"));
    }

    private HttpResponse<Void> post(OtlpTraceReceiver receiver, byte[] body, boolean gzip)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (gzip) {
            request.header("Content-Encoding", "gzip");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private static byte[] export() throws IOException {
        try (InputStream in = OtlpTraceReceiverTest.class.getResourceAsStream("/otlp/gateway-export.bin")) {
            return in.readAllBytes();
        }
    }
}
