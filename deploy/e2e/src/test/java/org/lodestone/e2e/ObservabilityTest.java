package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.e2e.RunningStack.step;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lodestone.localstack.LocalStack;
import org.lodestone.localstack.OtlpSpan;
import org.lodestone.localstack.OtlpTraceReceiver;
import org.lodestone.localstack.StackSettings;
import org.lodestone.localstack.TracePrinter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an operator sees of one request: one trace from the gateway through two subgraphs down to their SQL
 * (exported by OTLP to the receiver the stack was booted with), JSON log lines that carry the trace id and the caller
 * but never a token, and the metrics the dashboard and alert rules read.
 */
@Order(6)
@ExtendWith(RunningStack.class)
class ObservabilityTest {

    static final String OPERATION = "ObservabilityProbe";
    private static final String QUERY = """
            query ObservabilityProbe {
              country(code: "JP") { code name agreements { id title } }
            }
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}");
    private static final List<String> APPS = List.of(LocalStack.GATEWAY, LocalStack.COUNTRY, LocalStack.MINERAL,
            LocalStack.AGREEMENT);

    private static String traceId;
    private static String token;

    @Test
    @Order(1)
    void oneTraceRunsFromTheGatewayThroughTwoSubgraphsDownToTheirSql() throws InterruptedException {
        token = RunningStack.keycloak().token("jp-member");
        step("jp-member asks for Japan and its agreements (country-service, then agreement-service for Country.agreements)");
        Graphql.Result result = RunningStack.graphql().call(token, QUERY).withoutErrors();
        assertEquals("JP", result.get("data.country.code"));
        assertFalse(result.<List<?>>get("data.country.agreements").isEmpty(), result.body());

        OtlpTraceReceiver receiver = RunningStack.traces();
        OtlpSpan operation = await("the gateway's operation span", () -> receiver.spans().stream()
                .filter(s -> s.service().equals("gateway") && s.name().equals("query " + OPERATION)).findFirst());
        traceId = operation.traceId();
        // Spans are exported in batches every half second by each app; wait until the deepest ones are in.
        List<OtlpSpan> trace = awaitTrace(receiver, traceId, spans -> countJdbc(spans, "agreement-service") > 0
                && countJdbc(spans, "country-service") > 0);
        step("trace " + traceId + ":\n" + TracePrinter.render(trace));

        assertEquals(Set.of("gateway", "country-service", "agreement-service"),
                new TreeSet<>(trace.stream().map(OtlpSpan::service).toList()), "services in the trace");
        OtlpSpan gatewayServer = parentOf(trace, operation);
        assertEquals("gateway", gatewayServer.service());
        assertEquals(OtlpSpan.KIND_SERVER, gatewayServer.kind(), "the operation span's parent is the gateway's HTTP span");
        assertEquals(OPERATION, operation.attribute("graphql.operation.name"));
        assertEquals(2L, operation.attribute("lodestone.plan.levels"));
        assertEquals(2L, operation.attribute("lodestone.subgraph.requests"));
        assertEquals(64, String.valueOf(operation.attribute("lodestone.graphql.document.sha256")).length());

        for (String subgraph : List.of("country", "agreement")) {
            OtlpSpan fetch = trace.stream().filter(s -> s.name().equals("subgraph " + subgraph)).findFirst()
                    .orElseThrow(() -> new AssertionError("no span for the fetch from " + subgraph));
            assertEquals(operation.spanId(), fetch.parentSpanId(), "subgraph " + subgraph + " fetch under the operation");
            assertEquals(OtlpSpan.KIND_CLIENT, fetch.kind());
            assertEquals(subgraph, fetch.attribute("lodestone.subgraph.name"));
            assertEquals(200L, fetch.attribute("http.response.status_code"));
            assertEquals(subgraph.equals("agreement") ? 1L : 0L, fetch.attribute("lodestone.subgraph.representations"),
                    "representations sent to " + subgraph);

            String service = subgraph + "-service";
            List<OtlpSpan> servers = OtlpTraceReceiver.children(trace, fetch);
            assertEquals(1, servers.size(), "one server span of " + service + " under the gateway's fetch span");
            OtlpSpan server = servers.get(0);
            assertEquals(service, server.service());
            assertEquals(OtlpSpan.KIND_SERVER, server.kind());
            // JDBC spans: the statements (kind CLIENT) and the internal DataSource.getConnection span.
            List<OtlpSpan> jdbc = trace.stream().filter(s -> s.service().equals(service) && isJdbc(s)).toList();
            assertFalse(jdbc.stream().noneMatch(s -> s.kind() == OtlpSpan.KIND_CLIENT),
                    "no SQL statement span (kind CLIENT) from " + service + ": " + jdbc);
            for (OtlpSpan span : jdbc) {
                assertTrue(descendsFrom(trace, span, server), "JDBC span " + span.name() + " of " + service
                        + " is not beneath its server span");
            }
        }
        for (OtlpSpan span : trace) {
            for (Object value : span.attributes().values()) {
                assertFalse(String.valueOf(value).contains(token.substring(0, 40)), "token in span " + span.name());
                assertFalse(String.valueOf(value).contains("ObservabilityProbe {"), "document in span " + span.name());
            }
        }
    }

    @Test
    @Order(2)
    void productionLogLinesAreJsonWithTraceIdsAndTheCallerButNoToken() throws IOException {
        assertNotNull(traceId, "needs the trace of the first test");
        LocalStack stack = RunningStack.stack();
        Map<String, Object> claims = Jwts.claims(token);
        for (String app : APPS) {
            List<JsonNode> lines = jsonLines(stack.log(app));
            assertFalse(lines.isEmpty(), app + " logged nothing");
            String text = Files.readString(stack.log(app));
            assertFalse(text.contains(token), app + " logged a bearer token");
            assertFalse(JWT.matcher(text).find(), app + " logged something shaped like a JWT");
            assertFalse(text.toLowerCase().contains("bearer "), app + " logged an Authorization header");
            // Callers' mistakes and refusals (BAD_USER_INPUT, FORBIDDEN, VERSION_CONFLICT earlier in the suite) are
            // not failures of the system.
            List<JsonNode> errors = lines.stream().filter(l -> "ERROR".equals(l.path("level").asText())).toList();
            assertTrue(errors.isEmpty(), app + " logged at ERROR: " + errors);
        }
        JsonNode access = jsonLines(stack.log(LocalStack.GATEWAY)).stream()
                .filter(l -> l.path("loggerName").asText().equals("org.lodestone.gateway.access")
                        && l.path("message").asText().contains(OPERATION))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no access-log line for " + OPERATION));
        step("gateway access line: " + access);
        assertEquals("INFO", access.path("level").asText());
        assertTrue(access.path("message").asText().matches("query ObservabilityProbe status=200 duration_ms=[0-9.]+"
                + " subgraph_requests=2 errors=0"), access.path("message").asText());
        JsonNode mdc = access.path("mdc");
        assertEquals(traceId, mdc.path("traceId").asText(), "the access line names the request's trace");
        assertEquals(16, mdc.path("spanId").asText().length());
        assertEquals(claims.get("sub"), mdc.path("subject").asText());
        assertEquals("JP", mdc.path("country").asText());
        assertEquals(OPERATION, mdc.path("operation").asText());
    }

    @Test
    @Order(3)
    void everyMetricTheDashboardAndAlertsReadIsExportedByTheApps() throws IOException, InterruptedException {
        StackSettings settings = RunningStack.stack().settings();
        Map<String, Integer> ports = Map.of(LocalStack.GATEWAY, settings.ports().gateway(),
                LocalStack.COUNTRY, settings.ports().country(), LocalStack.MINERAL, settings.ports().mineral(),
                LocalStack.AGREEMENT, settings.ports().agreement());
        Map<String, Set<String>> exported = new LinkedHashMap<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String app : APPS) {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports.get(app) + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Set<String> names = new TreeSet<>();
            body.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
            exported.put(app, names);
        }
        Path catalogue = Path.of(System.getProperty("lodestone.repository", "../.."))
                .resolve("deploy/kubernetes/components/monitoring/exported-metrics.txt");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(catalogue)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            for (int i = 1; i < parts.length; i++) {
                if (exported.containsKey(parts[i])) {
                    checked++;
                    Set<String> names = exported.get(parts[i]);
                    // Micrometer creates the GC pause timer at the JVM's first collection, which an app that has
                    // been idle since it started may not have had yet; its GC counters exist from the start.
                    boolean beforeFirstCollection = parts[0].startsWith("jvm_gc_pause_seconds")
                            && names.contains("jvm_gc_memory_allocated_bytes_total");
                    if (!names.contains(parts[0]) && !beforeFirstCollection) {
                        missing.add(parts[0] + " from " + parts[i]);
                    }
                }
            }
        }
        step("checked " + checked + " catalogued (metric, app) pairs against the apps' /q/metrics");
        assertTrue(checked > 20, "catalogue read: " + checked);
        assertTrue(missing.isEmpty(), "catalogued but not exported: " + missing);
        assertTrue(exported.get(LocalStack.GATEWAY).stream().anyMatch(n -> n.equals("lodestone_gateway_operations_seconds_count")));
    }

    private static List<JsonNode> jsonLines(Path log) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError(log.getFileName() + " has a line that is not JSON: " + line);
            }
            assertTrue(node.isObject() && node.has("level") && node.has("message") && node.has("timestamp"),
                    log.getFileName() + ": not a log record: " + line);
            lines.add(node);
        }
        return lines;
    }

    private static long countJdbc(List<OtlpSpan> spans, String service) {
        return spans.stream().filter(s -> s.service().equals(service) && isJdbc(s)).count();
    }

    /** OpenTelemetry's JDBC instrumentation names the database system (older or newer semantic conventions). */
    private static boolean isJdbc(OtlpSpan span) {
        return "postgresql".equals(span.attribute("db.system")) || "postgresql".equals(span.attribute("db.system.name"));
    }

    private static OtlpSpan parentOf(List<OtlpSpan> trace, OtlpSpan span) {
        return trace.stream().filter(s -> s.spanId().equals(span.parentSpanId())).findFirst()
                .orElseThrow(() -> new AssertionError("parent of " + span.name() + " is not in the trace"));
    }

    private static boolean descendsFrom(List<OtlpSpan> trace, OtlpSpan span, OtlpSpan ancestor) {
        OtlpSpan current = span;
        for (int depth = 0; depth < 32 && current.parentSpanId() != null; depth++) {
            if (current.parentSpanId().equals(ancestor.spanId())) {
                return true;
            }
            String parent = current.parentSpanId();
            Optional<OtlpSpan> next = trace.stream().filter(s -> s.spanId().equals(parent)).findFirst();
            if (next.isEmpty()) {
                return false;
            }
            current = next.get();
        }
        return false;
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private static List<OtlpSpan> awaitTrace(OtlpTraceReceiver receiver, String id, Predicate<List<OtlpSpan>> complete)
            throws InterruptedException {
        List<OtlpSpan> trace = await("the subgraphs' spans of trace " + id, () -> {
            List<OtlpSpan> spans = receiver.trace(id);
            return complete.test(spans) ? Optional.of(spans) : Optional.empty();
        });
        // A last batch may still be on its way; one more export interval, then take what arrived.
        Thread.sleep(1000);
        return receiver.trace(id).size() >= trace.size() ? receiver.trace(id) : trace;
    }
}
