package org.lodestone.mineral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

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
 * ({@code -Dbench.rows=N} changes the 500,000 rows, {@code -Dbench.rounds=N} the 2 rounds of each upload,
 * {@code -Dbench.ceiling.rounds=N} the one round of {@link #postgresCopyCeiling()}).
 *
 * <p>Each body is generated in memory before the clock starts, so the figure is the service's, not the generator's
 * (client and service share this JVM and the machine's cores). Besides rows/s it prints the CPU the whole JVM and the
 * PostgreSQL server spent per 1,000 rows, which is less sensitive to other load on the machine than the wall clock.
 * {@link #postgresCopyCeiling()} measures what PostgreSQL alone takes: the same price rows, already encoded, handed
 * to {@code COPY} over one JDBC connection, into the real table and into a bare temporary one, and last in the
 * binary format, as they come and sorted in windows as the service sends them.
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
    private static final int CEILING_ROUNDS = Integer.getInteger("bench.ceiling.rounds", 1);
    private static final List<String> MINERALS = List.of("lithium", "cobalt", "nickel", "gallium", "germanium");
    private static final List<String> BASES = List.of("observed", "projection_base_case", "estimate_usgs",
            "reported_usgs");
    private static final String PRICE_HEADER = "mineral,date,period_type,price,unit_currency,series,basis,source\n";
    private static final String SHARE_HEADER = "mineral,stage,country_iso2,share_pct,year,basis,source,note\n";

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void priceRows() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            int offset = round * ROWS;
            run("price", "prices/bulk", body(PRICE_HEADER, i -> priceRow(offset, offset + i)));
        }
    }

    @Test
    void supplyShareRows() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            int offset = (round - 1) * ROWS;
            run("supply-share", "supply-shares/bulk", body(SHARE_HEADER, i -> shareRow(offset + i)));
        }
    }

    /**
     * PostgreSQL alone: the rows of {@link #priceRows()} already in the form the service hands to {@code COPY}, sent
     * in 256 KB chunks over one connection, each step in its own transaction that is rolled back: into
     * {@code price_point} as it is, then with the row-by-row foreign key it had before its mineral ids were checked
     * once per statement, then with its parts taken away one by one (mineral check, index, check constraints and
     * statement trigger), and last into a temporary table (no WAL) with the same columns and defaults.
     */
    @Test
    void postgresCopyCeiling() throws Exception {
        String noCheck = "DROP TRIGGER price_point_mineral_inserted ON price_point";
        List<List<String>> steps = List.of(
                List.of(),
                List.of(noCheck, "ALTER TABLE price_point ADD CONSTRAINT price_point_mineral_id_fkey"
                        + " FOREIGN KEY (mineral_id) REFERENCES mineral (id) NOT VALID"),
                List.of(noCheck),
                List.of(noCheck, "DROP INDEX price_point_mineral"),
                List.of(noCheck, "DROP INDEX price_point_mineral",
                        "ALTER TABLE price_point DROP CONSTRAINT price_point_period_check",
                        "ALTER TABLE price_point DROP CONSTRAINT price_point_price_check",
                        "DROP TRIGGER price_point_version ON price_point"),
                List.of("CREATE TEMP TABLE bare_price (LIKE price_point INCLUDING DEFAULTS) ON COMMIT DROP"));
        List<String> labels = List.of("price_point (mineral ids checked once per statement)",
                "price_point with a foreign key to mineral instead (checked row by row)",
                "price_point without any mineral check", "price_point without mineral check and index",
                "price_point without mineral check, index, checks and trigger", "a temporary table (no WAL)");
        String temporary = "CREATE TEMP TABLE bare_price (LIKE price_point INCLUDING DEFAULTS) ON COMMIT DROP";
        for (int round = 1; round <= CEILING_ROUNDS; round++) {
            int offset = round * ROWS;
            byte[] rows = body("", i -> priceCopyRow(offset + i));
            try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
                connection.setAutoCommit(false);
                for (int step = 0; step < steps.size(); step++) {
                    try (Statement statement = connection.createStatement()) {
                        for (String sql : steps.get(step)) {
                            statement.execute(sql);
                        }
                    }
                    copyAlone(connection, step == 5 ? "bare_price" : "price_point", labels.get(step), rows, "csv");
                    connection.rollback();
                }
                // the same rows in COPY's binary format (PostgreSQL's own encoding of them): no text to parse
                try (Statement statement = connection.createStatement()) {
                    statement.execute(temporary);
                }
                copyAlone(connection, "bare_price", "a temporary table (no WAL), to encode them", rows, "csv");
                ByteArrayOutputStream binary = new ByteArrayOutputStream(rows.length);
                connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY bare_price (" + PRICE_COLUMNS
                        + ") TO STDOUT (FORMAT binary)", binary);
                // and in the order the service sends them: windows of its rows sorted by mineral and period
                ByteArrayOutputStream sorted = new ByteArrayOutputStream(rows.length);
                connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + PRICE_COLUMNS
                        + " FROM bare_price ORDER BY (id - (SELECT min(id) FROM bare_price)) / "
                        + SERVICE_SORT_WINDOW + ", mineral_id, period_start, id) TO STDOUT (FORMAT binary)", sorted);
                connection.rollback();
                byte[] binaryRows = binary.toByteArray();
                copyAlone(connection, "price_point", "price_point (mineral ids checked once per statement), binary",
                        binaryRows, "binary");
                connection.rollback();
                copyAlone(connection, "price_point", "price_point (mineral ids checked once per statement), binary,"
                        + " in sorted windows of " + SERVICE_SORT_WINDOW + " rows", sorted.toByteArray(), "binary");
                connection.rollback();
                try (Statement statement = connection.createStatement()) {
                    statement.execute(temporary);
                }
                copyAlone(connection, "bare_price", "a temporary table (no WAL), binary", binaryRows, "binary");
                connection.rollback();
            }
        }
    }

    private static final String PRICE_COLUMNS =
            "mineral_id, period, period_type, period_start, price, unit_currency, series, basis, source";
    /** The rows per sorted window the service sends prices in (PriceRowCopier.SORT_WINDOW). */
    private static final int SERVICE_SORT_WINDOW = 8192;

    private void copyAlone(Connection connection, String table, String label, byte[] rows, String format)
            throws SQLException {
        String sql = "COPY " + table + " (" + PRICE_COLUMNS + ") FROM STDIN (FORMAT " + format + ")";
        Cpu before = Cpu.now(connection);
        long start = System.nanoTime();
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        for (int at = 0; at < rows.length; at += 256 * 1024) {
            copy.writeToCopy(rows, at, Math.min(256 * 1024, rows.length - at));
        }
        long stored = copy.endCopy();
        double seconds = (System.nanoTime() - start) / 1e9;
        Cpu used = Cpu.now(connection).minus(before);
        assertEquals(ROWS, stored);
        System.out.printf("BENCHMARK PostgreSQL alone, COPY into %s: %,d rows (%.1f MB) in %.2f s = %,.0f rows/s "
                + "(CPU per 1,000 rows: JVM %.1f ms, PostgreSQL %.1f ms; load average %s)%n", label, ROWS,
                rows.length / 1e6, seconds, ROWS / seconds, used.jvmMillis * 1000.0 / ROWS,
                used.postgresMillis * 1000.0 / ROWS, loadAverage());
    }

    private static String priceRow(int offset, int n) {
        StringBuilder row = new StringBuilder(128);
        row.append(MINERALS.get(n % MINERALS.size())).append(',');
        yearMonth(row, 1900 + (n / 12) % 100, 1 + n % 12);
        row.append(",month_or_point,");
        cents(row, 1000 + n % 500, n % 100);
        return row.append(",USD/t,\"Benchmark series, round ").append(offset)
                .append("\",bench,Bulk ingestion benchmark [B").append(n).append("]\n").toString();
    }

    /** The same row as {@link #priceRow} in the table's columns, as the service's COPY receives it. */
    private static String priceCopyRow(int n) {
        int offset = n / ROWS * ROWS;
        StringBuilder row = new StringBuilder(160);
        row.append(MINERALS.get(n % MINERALS.size())).append(',');
        int year = 1900 + (n / 12) % 100;
        int month = 1 + n % 12;
        yearMonth(row, year, month);
        row.append(",month_or_point,");
        yearMonth(row, year, month);
        row.append("-01,");
        cents(row, 1000 + n % 500, n % 100);
        return row.append(",USD/t,\"Benchmark series, round ").append(offset)
                .append("\",bench,Bulk ingestion benchmark [B").append(n).append("]\n").toString();
    }

    private static String shareRow(int n) {
        // every (mineral, stage, country, year, basis) once, in years before any real table
        int country = (n / 10) % 676;
        return new StringBuilder(128).append(MINERALS.get(n % 5)).append(',')
                .append((n / 5) % 2 == 0 ? "mining" : "refining").append(',')
                .append((char) ('A' + country / 26)).append((char) ('A' + country % 26)).append(',')
                .append(n % 100).append('.').append(n % 10).append(',').append(1900 + (n / 6760) % 100).append(',')
                .append(BASES.get((n / 676_000) % 4)).append(",Bulk ingestion benchmark [B").append(n)
                .append("],generated\n").toString();
    }

    private static void yearMonth(StringBuilder row, int year, int month) {
        row.append(year).append('-').append(month < 10 ? "0" : "").append(month);
    }

    private static void cents(StringBuilder row, int units, int cents) {
        row.append(units).append('.').append(cents < 10 ? "0" : "").append(cents);
    }

    private static byte[] body(String header, IntFunction<String> row) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ROWS * 120);
        out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < ROWS; i++) {
            out.writeBytes(row.apply(i).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private void run(String what, String path, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + TestTokens.analyst())
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Cpu before;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            before = Cpu.now(connection);
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - start) / 1e9;
            Cpu used = Cpu.now(connection).minus(before);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode result = json.readTree(response.body());
            assertEquals(ROWS, result.get("inserted").asInt());
            System.out.printf("BENCHMARK bulk %s ingestion: %,d CSV rows (%.1f MB) in %.2f s = %,.0f rows/s (server: "
                    + "parse+validate %d ms, store %d ms; CPU per 1,000 rows: JVM %.1f ms, PostgreSQL %.1f ms; "
                    + "load average %s)%n", what, ROWS, body.length / 1e6, seconds, ROWS / seconds,
                    result.get("parseMillis").asLong(), result.get("storeMillis").asLong(),
                    used.jvmMillis * 1000.0 / ROWS, used.postgresMillis * 1000.0 / ROWS, loadAverage());
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * CPU time so far of this JVM and of the PostgreSQL server the test uses (its postmaster, the children it reaped
     * and its live processes, read from /proc; zero where /proc is not there).
     */
    private record Cpu(long jvmMillis, long postgresMillis) {

        static Cpu now(Connection connection) throws SQLException {
            long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1_000_000;
            return new Cpu(jvm, postgresMillis(connection));
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(jvmMillis - earlier.jvmMillis, postgresMillis - earlier.postgresMillis);
        }

        private static long postgresMillis(Connection connection) throws SQLException {
            String dataDirectory;
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SHOW data_directory")) {
                rs.next();
                dataDirectory = rs.getString(1);
            }
            try {
                String postmaster = Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).trim();
                long ticks = 0;
                try (var processes = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString()
                        .chars().allMatch(Character::isDigit))) {
                    for (Path process : processes) {
                        String[] stat = stat(process);
                        if (stat == null) {
                            continue;
                        }
                        // fields after the command: state ppid ... utime(11) stime(12) cutime(13) cstime(14)
                        if (process.getFileName().toString().equals(postmaster)) {
                            ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13])
                                    + Long.parseLong(stat[14]);
                        } else if (stat[1].equals(postmaster)) {
                            ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                        }
                    }
                }
                return ticks * 10; // USER_HZ is 100 on Linux
            } catch (IOException e) {
                return 0;
            }
        }

        private static String[] stat(Path process) {
            try {
                String text = Files.readString(process.resolve("stat"));
                return text.substring(text.lastIndexOf(')') + 2).split(" ");
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
