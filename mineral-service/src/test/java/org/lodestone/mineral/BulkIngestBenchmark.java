package org.lodestone.mineral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Bulk ingestion throughput, not part of the test run (the name does not end in Test): price rows and supply-share
 * rows streamed as CSV through {@code POST /prices/bulk} and {@code POST /supply-shares/bulk} into PostgreSQL, timed
 * from the first byte sent to the answer. Run it with
 * {@code ./mvnw -B -ntp -pl mineral-service -am test -Dtest=BulkIngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.rows=N} changes the 500,000 rows). The body is generated while it is sent, so the client never
 * holds it either.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(BulkIngestBenchmark.LargeBodies.class)
class BulkIngestBenchmark {

    public static class LargeBodies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lodestone.mineral.bulk.max-body-size", "400M", "quarkus.hibernate-orm.statistics", "false");
        }
    }

    private static final int ROWS = Integer.getInteger("bench.rows", 500_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final List<String> MINERALS = List.of("lithium", "cobalt", "nickel", "gallium", "germanium");

    @TestHTTPResource("/")
    URI base;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void priceRows() throws Exception {
        String header = "mineral,date,period_type,price,unit_currency,series,basis,source\n";
        for (int round = 1; round <= ROUNDS; round++) {
            int offset = round * ROWS;
            run("price", "prices/bulk", header, i -> {
                int n = offset + i;
                return "%s,%d-%02d,month_or_point,%d.%02d,USD/t,\"Benchmark series, round %d\",bench,Bulk ingestion benchmark [B%d]\n"
                        .formatted(MINERALS.get(n % MINERALS.size()), 1900 + (n / 12) % 100, 1 + n % 12, 1000 + n % 500,
                                n % 100, offset, n);
            });
        }
    }

    @Test
    void supplyShareRows() throws Exception {
        String header = "mineral,stage,country_iso2,share_pct,year,basis,source,note\n";
        List<String> bases = List.of("observed", "projection_base_case", "estimate_usgs", "reported_usgs");
        for (int round = 1; round <= ROUNDS; round++) {
            int offset = (round - 1) * ROWS;
            run("supply-share", "supply-shares/bulk", header, i -> {
                // every (mineral, stage, country, year, basis) once, in years before any real table
                int n = offset + i;
                int country = (n / 10) % 676;
                return "%s,%s,%c%c,%d.%d,%d,%s,Bulk ingestion benchmark [B%d],generated\n".formatted(
                        MINERALS.get(n % 5), (n / 5) % 2 == 0 ? "mining" : "refining", (char) ('A' + country / 26),
                        (char) ('A' + country % 26), n % 100, n % 10, 1900 + (n / 6760) % 100,
                        bases.get((n / 676_000) % 4), n);
            });
        }
    }

    private void run(String what, String path, String header, java.util.function.IntFunction<String> row)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + TestTokens.analyst())
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedBody(header, row, ROWS)))
                .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = json.readTree(response.body());
        assertEquals(ROWS, result.get("inserted").asInt());
        System.out.printf("BENCHMARK bulk %s ingestion: %,d CSV rows in %.2f s = %,.0f rows/s (server: parse+validate "
                + "%d ms, store %d ms; load average %s)%n", what, ROWS, seconds, ROWS / seconds,
                result.get("parseMillis").asLong(), result.get("storeMillis").asLong(), loadAverage());
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A CSV body produced row by row as it is read. */
    private static final class GeneratedBody extends InputStream {
        private final java.util.function.IntFunction<String> row;
        private final int rows;
        private int next;
        private byte[] chunk;
        private int position;

        GeneratedBody(String header, java.util.function.IntFunction<String> row, int rows) {
            this.row = row;
            this.rows = rows;
            this.chunk = header.getBytes(StandardCharsets.UTF_8);
        }

        private boolean fill() {
            if (position < chunk.length) {
                return true;
            }
            if (next >= rows) {
                return false;
            }
            StringBuilder text = new StringBuilder(64 * 1024);
            while (next < rows && text.length() < 60 * 1024) {
                text.append(row.apply(next++));
            }
            chunk = text.toString().getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }

        @Override
        public int read() {
            return fill() ? chunk[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            return n;
        }
    }
}
