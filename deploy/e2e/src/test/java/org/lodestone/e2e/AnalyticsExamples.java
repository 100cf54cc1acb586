package org.lodestone.e2e;

import static org.lodestone.e2e.RunningStack.step;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Runs an analytics query through the gateway, measures it (one cold call, a few warm ones, then one with the
 * debug-plan header for the subgraph request count) and records the query with its real, abridged output in a
 * Markdown file the README can quote. The file is rewritten after every query, so a failing scenario still leaves
 * the ones before it.
 */
final class AnalyticsExamples {

    static final String DEBUG_PLAN_HEADER = "X-Lodestone-Debug-Plan";
    private static final int WARM_CALLS = 3;
    /** Lists longer than this are cut in the recorded output; the assertions always see the whole answer. */
    private static final int LIST_ITEMS_SHOWN = 5;
    /** Values whose one-line form fits in this many characters (indent included) stay on one line. */
    private static final int INLINE_WIDTH = 110;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SECTIONS = new ArrayList<>();
    private static final List<String> SUMMARY = new ArrayList<>();

    private AnalyticsExamples() {
    }

    /** What one query cost through the gateway. */
    record Measured(Graphql.Result result, long coldMillis, long warmMedianMillis, Object subgraphRequests,
            String plan) {

        String figures() {
            return "first call " + coldMillis + " ms, warm median " + warmMedianMillis + " ms, " + subgraphRequests
                    + " subgraph requests";
        }
    }

    /** Runs {@code query} as {@code user}, fails on GraphQL errors, prints and records it under {@code title}. */
    static Measured run(String title, String user, String query, Map<String, Object> variables) {
        Graphql graphql = RunningStack.graphql();
        String token = RunningStack.keycloak().token(user);
        long started = System.nanoTime();
        Graphql.Result result = graphql.call(token, query, variables).withoutErrors();
        long cold = (System.nanoTime() - started) / 1_000_000;
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < WARM_CALLS; i++) {
            started = System.nanoTime();
            graphql.call(token, query, variables).withoutErrors();
            warm.add((System.nanoTime() - started) / 1_000_000);
        }
        Collections.sort(warm);
        var planned = graphql.post(token, query, variables, Map.of(DEBUG_PLAN_HEADER, "true")).jsonPath();
        Measured measured = new Measured(result, cold, warm.get(warm.size() / 2),
                planned.get("extensions.subgraphRequests"), planned.getString("extensions.queryPlan"));
        step("  " + title + " as " + user + ": " + measured.figures() + ", response " + result.body().length()
                + " bytes");
        record(title, user, query, variables, measured);
        return measured;
    }

    private static void record(String title, String user, String query, Map<String, Object> variables,
            Measured measured) {
        StringBuilder section = new StringBuilder();
        section.append("## ").append(title).append("\n\n")
                .append("As `").append(user).append("`: ").append(measured.figures()).append(".\n\n")
                .append("```graphql\n").append(query.strip()).append("\n```\n\n");
        if (!variables.isEmpty()) {
            section.append("Variables:\n\n```json\n").append(pretty(JSON.valueToTree(variables), Integer.MAX_VALUE))
                    .append("\n```\n\n");
        }
        section.append("Output (abridged: lists cut after ").append(LIST_ITEMS_SHOWN).append(" items):\n\n```json\n")
                .append(pretty(readTree(measured.result().body()), LIST_ITEMS_SHOWN)).append("\n```\n\n");
        if (measured.plan() != null) {
            section.append("<details><summary>Gateway plan</summary>\n\n```\n").append(measured.plan().strip())
                    .append("\n```\n</details>\n\n");
        }
        SECTIONS.add(section.toString());
        SUMMARY.add("| " + title + " | `" + user + "` | " + measured.coldMillis() + " | " + measured.warmMedianMillis()
                + " | " + measured.subgraphRequests() + " |");
        write();
    }

    private static void write() {
        StringBuilder text = new StringBuilder("# Coalition analytics through the gateway: real output\n\n")
                .append("Written by the end-to-end tests (`CoalitionAnalyticsTest`) against the whole stack: real ")
                .append("Keycloak tokens, the gateway, the three subgraphs and their seed data. Latencies are ")
                .append("wall-clock times seen by the test client on the build machine (first call includes ")
                .append("planning; warm is the median of ").append(WARM_CALLS).append(" repeats); subgraph requests ")
                .append("come from the gateway's `").append(DEBUG_PLAN_HEADER).append(": true` debug header.\n\n")
                .append("| query | user | first call (ms) | warm median (ms) | subgraph requests |\n")
                .append("|---|---|---|---|---|\n");
        SUMMARY.forEach(line -> text.append(line).append('\n'));
        text.append('\n');
        SECTIONS.forEach(text::append);
        Path file = file();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file() {
        return Path.of(System.getProperty("lodestone.e2e.examples", "target/analytics-examples.md")).toAbsolutePath();
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Pretty JSON the way people read it in a README: long lists cut with a note of how many were left out, values
     * that fit on one line written on one line, the others one member or element per line.
     */
    static String pretty(JsonNode node, int maxItems) {
        StringBuilder out = new StringBuilder();
        pretty(abridged(node, maxItems), "", out);
        return out.toString();
    }

    private static JsonNode abridged(JsonNode node, int maxItems) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), abridged(field.getValue(), maxItems)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            for (int i = 0; i < Math.min(node.size(), maxItems); i++) {
                copy.add(abridged(node.get(i), maxItems));
            }
            if (node.size() > maxItems) {
                copy.add("... " + (node.size() - maxItems) + " more");
            }
            return copy;
        }
        return node;
    }

    private static void pretty(JsonNode node, String indent, StringBuilder out) {
        String inline = inline(node);
        if (!node.isContainerNode() || node.isEmpty() || indent.length() + inline.length() <= INLINE_WIDTH) {
            out.append(inline);
            return;
        }
        boolean object = node.isObject();
        out.append(object ? "{\n" : "[\n");
        Iterator<String> names = node.fieldNames();
        for (int i = 0; i < node.size(); i++) {
            out.append(indent).append("  ");
            if (object) {
                String name = names.next();
                out.append(TextNode.valueOf(name)).append(": ");
                pretty(node.get(name), indent + "  ", out);
            } else {
                pretty(node.get(i), indent + "  ", out);
            }
            out.append(i < node.size() - 1 ? ",\n" : "\n");
        }
        out.append(indent).append(object ? '}' : ']');
    }

    /** One-line JSON with a space after colons and commas. */
    private static String inline(JsonNode node) {
        if (node.isObject()) {
            List<String> members = new ArrayList<>();
            node.fields().forEachRemaining(f -> members.add(TextNode.valueOf(f.getKey()) + ": " + inline(f.getValue())));
            return "{" + String.join(", ", members) + "}";
        }
        if (node.isArray()) {
            List<String> elements = new ArrayList<>();
            node.forEach(e -> elements.add(inline(e)));
            return "[" + String.join(", ", elements) + "]";
        }
        return node.toString();
    }
}
