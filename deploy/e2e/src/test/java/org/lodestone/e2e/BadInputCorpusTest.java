package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.e2e.RunningStack.step;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lodestone.localstack.StackSettings;

/**
 * A generated corpus of bad input over every mutation and the queries' typed arguments (through the gateway, as
 * variables and as literals; not yet straight at the subgraphs, whose SmallRye GraphQL validation errors carry no
 * extensions.code), the services' REST endpoints (unknown, hostile and over-long ids; malformed, mistyped
 * and oversized bodies) and the GraphQL transport, with real tokens. Every case must be refused: HTTP 4xx, or a
 * GraphQL error whose code is one of the stable codes other than INTERNAL, in a plain message; never 5xx. The data
 * (agreements, commitments, progress, audit, export controls, prices, dependencies) read as admin is the same
 * before and after. The summary is printed and written to target/bad-input-corpus.md.
 */
@Order(8)
@ExtendWith(RunningStack.class)
class BadInputCorpusTest {

    private static final Set<String> REFUSAL_CODES = Set.of("UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT",
            "NOT_FOUND", "VERSION_CONFLICT", "SUBGRAPH_UNAVAILABLE", "SERVICE_UNAVAILABLE", "QUERY_PLANNING_FAILED");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String LONG = "x".repeat(20_000);

    private static final List<Object> DATES = List.of("2025-02-30", "2026-13-01", "x", 3.5, List.of(), "2025-1-1",
            "2025-01-01\u0000");
    private static final List<Object> TEXTS = List.of(12, List.of(), Map.of("a", 1), "a\u0000b", "a\u0007b", LONG);
    private static final List<Object> CONTROL = List.of("a\u0000b", "line\u001bbreak");
    private static final List<Object> REFS = List.of("ZZ", "' OR '1'='1", "<script>alert(1)</script>", 1.5,
            List.of(), "J\u0000P", LONG);
    private static final List<Object> REF_LISTS = List.of(List.of("ZZ"), List.of("' OR 1=1 --"), Arrays.asList(
            (Object) null), List.of(1.5), List.of(Map.of()));
    private static final List<Object> UNKNOWN_IDS = List.of("NOPE-404", "'; DROP TABLE agreement; --", LONG);
    private static final List<Object> INTS = List.of("x", 3.5, 2_147_483_648L, true);
    private static final List<Object> FLOATS = List.of("x", List.of(), true);
    private static final List<Object> BOOLEANS = List.of("yes", 1, List.of());
    private static final List<Object> ENUMS = List.of("DRAFTY", "draft", 1, List.of(Map.of()));

    /** One bad request and what came back. */
    record Outcome(String kind, String what, int status, List<String> codes, List<String> messages) {

        String refusal() {
            if (!codes.isEmpty()) {
                return codes.get(0);
            }
            return "HTTP " + status;
        }

        String defect() {
            if (status >= 500) {
                return "HTTP " + status;
            }
            if (status >= 400 && codes.isEmpty()) {
                return null;
            }
            if (codes.isEmpty()) {
                return "accepted (HTTP " + status + ", no error)";
            }
            for (String code : codes) {
                if (!REFUSAL_CODES.contains(code)) {
                    return "code " + code;
                }
            }
            for (String message : messages) {
                if (message.contains("Value{") || message.contains("SRGQL") || message.contains("Exception")
                        || message.contains("java.")) {
                    return "message not plain: " + message;
                }
            }
            return null;
        }
    }

    private final List<Outcome> outcomes = new ArrayList<>();
    private String admin;
    private String analyst;
    private String agreementId;
    private int agreementVersion;
    private String commitmentId;

    @Test
    void everyBadInputIsRefusedWithAStableCodeAndChangesNothing() throws Exception {
        admin = RunningStack.keycloak().token("coalition-admin");
        analyst = RunningStack.keycloak().token("coalition-analyst");
        Graphql.Result existing = RunningStack.graphql().call(admin,
                "{ agreements { id version commitments { id } } }").withoutErrors();
        List<Map<String, Object>> agreements = existing.get("data.agreements");
        Map<String, Object> withCommitment = agreements.stream()
                .filter(a -> !((List<?>) a.get("commitments")).isEmpty()).findFirst().orElseThrow();
        agreementId = (String) withCommitment.get("id");
        agreementVersion = (Integer) withCommitment.get("version");
        commitmentId = (String) ((Map<?, ?>) ((List<?>) withCommitment.get("commitments")).get(0)).get("id");

        String before = snapshot();
        graphqlCases();
        restCases();
        transportCases();
        String after = snapshot();

        Map<String, Long> byRefusal = outcomes.stream().collect(Collectors.groupingBy(Outcome::refusal, TreeMap::new,
                Collectors.counting()));
        Map<String, Long> byKind = outcomes.stream().collect(Collectors.groupingBy(Outcome::kind, TreeMap::new,
                Collectors.counting()));
        List<Outcome> defects = outcomes.stream().filter(o -> o.defect() != null).toList();
        StringBuilder report = new StringBuilder("# Bad-input corpus\n\n").append(outcomes.size()).append(" cases: ")
                .append(byKind).append("\n\nRefused by: ").append(byRefusal).append("\n\nDefects: ")
                .append(defects.size()).append("\n");
        for (Outcome defect : defects) {
            report.append("- ").append(defect.kind()).append(' ').append(defect.what()).append(": ")
                    .append(defect.defect()).append('\n');
        }
        report.append("\nState snapshot before = after: ").append(before.equals(after)).append('\n');
        Path file = Path.of("target", "bad-input-corpus.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        step(report.toString().replace("\n\n", "\n"));

        assertTrue(outcomes.size() >= 300, "at least 300 cases, got " + outcomes.size());
        assertEquals(List.of(), defects.stream().map(d -> d.kind() + " " + d.what() + ": " + d.defect()).toList());
        assertEquals(before, after, "the data is unchanged");
    }

    // ---- GraphQL through the gateway ----

    private void graphqlCases() {
        Map<String, Object> newAgreement = Map.of("title", "Corpus agreement", "type", "bilateral", "parties",
                List.of("US", "JP"), "minerals", List.of("lithium"), "visibility", "COALITION", "source",
                "Bad-input corpus", "signedOn", "2025-01-01");
        mutation("createAgreement", "mutation ($input: NewAgreement!) { createAgreement(input: $input) { id } }",
                "input", newAgreement, Map.of("title", TEXTS, "type", TEXTS, "source", TEXTS, "summary", CONTROL,
                        "parties", REF_LISTS, "minerals", REF_LISTS, "signedOn", DATES, "visibility", ENUMS,
                        "status", ENUMS));

        Map<String, Object> update = Map.of("id", agreementId, "v", agreementVersion, "input", Map.of("title",
                "Corpus title"));
        operation("updateAgreement", """
                mutation ($id: ID!, $v: Int!, $input: AgreementPatch!) {
                  updateAgreement(id: $id, expectedVersion: $v, input: $input) { id }
                }""", update, Map.of("id", UNKNOWN_IDS, "v", INTS));
        mutation("updateAgreement", """
                mutation ($input: AgreementPatch!) {
                  updateAgreement(id: "%s", expectedVersion: %d, input: $input) { id }
                }""".formatted(agreementId, agreementVersion), "input", Map.of("title", "Corpus title"),
                Map.of("title", CONTROL, "signedOn", DATES, "visibility", ENUMS, "parties", REF_LISTS));

        operation("changeAgreementStatus", """
                mutation ($id: ID!, $v: Int!, $s: AgreementStatus!, $r: String) {
                  changeAgreementStatus(id: $id, expectedVersion: $v, status: $s, reason: $r) { id }
                }""", Map.of("id", agreementId, "v", agreementVersion, "s", "BOGUS", "r", "corpus"),
                Map.of("id", UNKNOWN_IDS, "v", INTS, "s", ENUMS, "r", CONTROL));

        Map<String, Object> newCommitment = Map.of("obligor", "US", "kind", "investment", "description",
                "Corpus commitment", "dueOn", "2027-01-01", "targetAmount", 1.0, "currency", "USD");
        operation("addCommitment", """
                mutation ($a: ID!, $input: NewCommitment!) { addCommitment(agreementId: $a, input: $input) { id } }""",
                Map.of("a", "NOPE-404", "input", newCommitment), Map.of("a", UNKNOWN_IDS));
        mutation("addCommitment", """
                mutation ($input: NewCommitment!) { addCommitment(agreementId: "%s", input: $input) { id } }"""
                .formatted(agreementId), "input", newCommitment, Map.of("obligor", REFS, "kind", TEXTS,
                        "description", TEXTS, "dueOn", DATES, "targetAmount", FLOATS, "mineral", REFS));

        Map<String, Object> progress = Map.of("asOf", "2025-06-30", "amount", 1.0, "note", "corpus");
        operation("reportProgress", """
                mutation ($c: ID!, $input: ProgressInput!) { reportProgress(commitmentId: $c, input: $input) { id } }""",
                Map.of("c", "NOPE-404", "input", progress), Map.of("c", UNKNOWN_IDS));
        mutation("reportProgress", """
                mutation ($input: ProgressInput!) { reportProgress(commitmentId: "%s", input: $input) { id } }"""
                .formatted(commitmentId), "input", progress, Map.of("asOf", DATES, "amount", FLOATS, "quantity",
                        FLOATS, "note", CONTROL));

        Map<String, Object> control = Map.of("imposingCountry", "CN", "measure", "licence", "minerals",
                List.of("gallium"), "source", "Bad-input corpus", "effectiveOn", "2025-01-01");
        mutation("recordExportControl", """
                mutation ($input: NewExportControl!) { recordExportControl(input: $input) { id } }""", "input",
                control, Map.of("effectiveOn", DATES, "announcedOn", DATES, "imposingCountry", REFS, "minerals",
                        REF_LISTS, "measure", TEXTS, "targetsAll", BOOLEANS, "source", CONTROL));

        operation("query", """
                query ($on: Date, $c: ID, $m: ID) { exportControls(activeOn: $on, imposingCountry: $c, mineral: $m) { id } }""",
                Map.of("on", "2025-01-01"), Map.of("on", DATES, "c", List.of(1.5, List.of(), "C\u0000N"), "m",
                        List.of(Map.of(), "ga\u0007llium")));
        operation("query", "query ($f: AgreementFilter) { agreements(filter: $f) { id } }", Map.of(),
                Map.of("f", List.of(Map.of("status", "DRAFTY"), Map.of("visibility", 1), Map.of("party", List.of()),
                        Map.of("nope", "x"), "x")));
        operation("query", "query ($d: Int) { commitmentsDashboard(dueWithinDays: $d) { total } }", Map.of(),
                Map.of("d", INTS));
        operation("query", "query ($c: ID!) { country(code: $c) { code } }", Map.of("c", "US"),
                Map.of("c", List.of(1.5, List.of(), Map.of(), "U\u0000S")));
        operation("query", "query ($b: Boolean) { countries(coalitionOnly: $b) { code } }", Map.of(),
                Map.of("b", BOOLEANS));
        operation("query", "query ($y: Int, $s: Stage) { refiningConcentrationSummary(year: $y) { year } minerals { supplyShares(stage: $s) { year } } }",
                Map.of(), Map.of("y", INTS, "s", ENUMS));
    }

    /** Each bad value of each field of {@code base}, as a variable and as a literal. */
    private void mutation(String name, String query, String variable, Map<String, Object> base,
            Map<String, List<Object>> bad) {
        bad.forEach((field, values) -> {
            for (Object value : values) {
                Map<String, Object> input = new LinkedHashMap<>(base);
                input.put(field, value);
                String what = name + " " + variable + "." + field + "=" + show(value);
                send("graphql-variable", what, query, Map.of(variable, input));
                String literal = query.replaceFirst("\\(\\$" + variable + ": [A-Za-z]+!\\) ", "")
                        .replace("$" + variable, literal(input));
                send("graphql-literal", what, literal, Map.of());
            }
        });
    }

    /** Each bad value of each variable, the others as in {@code base}. */
    private void operation(String name, String query, Map<String, Object> base, Map<String, List<Object>> bad) {
        bad.forEach((variable, values) -> {
            for (Object value : values) {
                Map<String, Object> variables = new LinkedHashMap<>(base);
                variables.put(variable, value);
                send("graphql-variable", name + " $" + variable + "=" + show(value), query, variables);
            }
        });
    }

    private void send(String kind, String what, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        outcomes.add(post(kind, what, RunningStack.graphql().endpoint(), admin, "application/json", json(body)));
    }

    // ---- REST ----

    private void restCases() {
        StackSettings.Ports ports = RunningStack.stack().settings().ports();
        String agreement = "http://localhost:" + ports.agreement();
        String country = "http://localhost:" + ports.country();
        String mineral = "http://localhost:" + ports.mineral();
        List<String> gets = List.of(agreement + "/agreements/%s", agreement + "/agreements/%s/commitments",
                agreement + "/agreements/%s/history", agreement + "/commitments/%s",
                agreement + "/commitments/%s/progress", country + "/countries/%s", country + "/countries/%s/dependencies",
                country + "/countries/%s/policy-measures", country + "/dependencies/%s", mineral + "/minerals/%s",
                mineral + "/production/%s", mineral + "/prices/%s", mineral + "/export-controls/%s",
                mineral + "/supply-shares/%s");
        List<String> ids = List.of("NOPE-404", "' OR '1'='1", "<script>alert(1)</script>", "x".repeat(3000),
                "a%00b", "a%07b");
        for (String path : gets) {
            for (String id : ids) {
                String encoded = id.contains("%") ? id : URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
                String url = path.formatted(encoded);
                outcomes.add(call("rest-get", "GET " + path.formatted(show(id)), "GET", url, admin, null, null));
            }
        }
        Map<String, String> posts = new LinkedHashMap<>();
        posts.put("POST " + agreement + "/agreements", admin);
        posts.put("PATCH " + agreement + "/agreements/" + agreementId, admin);
        posts.put("PUT " + agreement + "/agreements/" + agreementId, admin);
        posts.put("POST " + agreement + "/agreements/" + agreementId + "/status", admin);
        posts.put("POST " + agreement + "/agreements/" + agreementId + "/commitments", admin);
        posts.put("POST " + agreement + "/commitments/" + commitmentId + "/progress", admin);
        posts.put("POST " + country + "/countries/US/dependencies", analyst);
        posts.put("POST " + mineral + "/prices", analyst);
        posts.put("POST " + mineral + "/prices/bulk", analyst);
        posts.put("POST " + mineral + "/export-controls", analyst);
        List<String[]> bodies = List.of(new String[] {"application/json", "{"},
                new String[] {"application/json", "[]"}, new String[] {"application/json", "\"x\""},
                new String[] {"application/json", "null"}, new String[] {"application/json", ""},
                new String[] {"application/json", "{\"title\": {\"nested\": true}, \"asOf\": [1]}"},
                new String[] {"application/json", "{\"title\": \"a\\u0000b\", \"asOf\": \"2025-02-30\"}"},
                new String[] {"text/plain", "title=x"},
                new String[] {"application/json", "{\"title\": \"" + "x".repeat(2_000_000) + "\"}"});
        posts.forEach((target, token) -> {
            String method = target.substring(0, target.indexOf(' '));
            String url = target.substring(target.indexOf(' ') + 1);
            for (String[] body : bodies) {
                outcomes.add(call("rest-body", method + " " + url.replaceAll("http://localhost:\\d+", "") + " "
                        + body[0] + " " + show(body[1]), method, url, token, body[0], body[1]));
            }
        });
    }

    // ---- transport ----

    private void transportCases() {
        String endpoint = RunningStack.graphql().endpoint();
        outcomes.add(post("transport", "malformed JSON", endpoint, admin, "application/json", "{\"query\": "));
        outcomes.add(post("transport", "empty body", endpoint, admin, "application/json", ""));
        outcomes.add(post("transport", "query is a number", endpoint, admin, "application/json", "{\"query\": 5}"));
        outcomes.add(post("transport", "variables is a list", endpoint, admin, "application/json",
                "{\"query\": \"{ me { username } }\", \"variables\": [1]}"));
        outcomes.add(post("transport", "syntax error", endpoint, admin, "application/json", "{\"query\": \"{ me { \"}"));
        outcomes.add(post("transport", "NUL in the document", endpoint, admin, "application/json",
                "{\"query\": \"{ me\\u0000 { username } }\"}"));
        outcomes.add(post("transport", "text/plain", endpoint, admin, "text/plain", "{ me { username } }"));
        outcomes.add(post("transport", "no token", endpoint, null, "application/json", "{\"query\": \"{ me { username } }\"}"));
        outcomes.add(post("transport", "forged token", endpoint, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
                "application/json", "{\"query\": \"{ me { username } }\"}"));
        outcomes.add(post("transport", "over-long query", endpoint, admin, "application/json",
                json(Map.of("query", "{ me { username } }" + " ".repeat(200_000)))));
        outcomes.add(call("transport", "GET mutation", "GET", endpoint + "?query="
                + URLEncoder.encode("mutation { createAgreement(input: {}) { id } }", StandardCharsets.UTF_8), admin,
                null, null));
        outcomes.add(post("transport", "unknown operation name", endpoint, admin, "application/json",
                "{\"query\": \"query A { me { username } }\", \"operationName\": \"B\"}"));
    }

    private static Outcome post(String kind, String what, String url, String token, String type, String body) {
        return call(kind, what, "POST", url, token, type, body);
    }

    private static Outcome call(String kind, String what, String method, String url, String token, String type,
            String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            List<String> codes = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            if (response.body() != null && response.body().startsWith("{")) {
                JsonNode json = JSON.readTree(response.body());
                // GraphQL errors; a problem+json body's "errors" are field errors, judged by the HTTP status
                boolean graphql = !kind.startsWith("rest");
                for (JsonNode error : graphql ? json.path("errors") : JSON.createArrayNode()) {
                    codes.add(error.path("extensions").path("code").asText("(no code)"));
                    messages.add(error.path("message").asText());
                }
                if (json.has("detail")) {
                    messages.add(json.path("detail").asText());
                }
            }
            return new Outcome(kind, what, response.statusCode(), codes, messages);
        } catch (IOException e) {
            // a connection the server closed on an oversized body is a refusal, not a crash
            return new Outcome(kind, what, 499, List.of(), List.of("transport: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Everything a refused request must not have changed, read as admin. */
    private String snapshot() {
        return RunningStack.graphql().call(admin, """
                {
                  agreements {
                    id version title type status visibility signedOn summary
                    parties { code } minerals { id } history { id operation }
                    commitments { id kind description status dueOn progressToDate progress { id asOf reportedAmount reportedQuantity note } }
                  }
                  exportControls { id measure effectiveOn imposingCountry { code } minerals { id } }
                  minerals { id prices { id date price } }
                  countries { code dependencies { mineral { id } indicator value } }
                }
                """).withoutErrors().body();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GraphQL literal for a value (objects and lists spelled out, enums for upper-case words in enum fields). */
    private static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + literal(e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(BadInputCorpusTest::literal).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof String s) {
            return json(s);
        }
        return value.toString();
    }

    private static String literal(Object field, Object value) {
        boolean enumField = Set.of("visibility", "status").contains(String.valueOf(field));
        if (enumField && value instanceof String s && s.matches("[A-Za-z_]+")) {
            return s;
        }
        return literal(value);
    }

    private static String show(Object value) {
        String text = value instanceof String s ? json(s) : String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "...(" + text.length() + " chars)" : text;
    }
}
