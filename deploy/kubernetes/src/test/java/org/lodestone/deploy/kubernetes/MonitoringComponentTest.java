package org.lodestone.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The monitoring Component as each overlay renders it: the Grafana dashboard ConfigMap parses and reads only
 * catalogued metrics, the PrometheusRule passes {@code promtool check rules} (its schema is checked with every other
 * document in {@link ManifestSchemaTest}), and every alert has a runbook in deploy/README.md.
 */
class MonitoringComponentTest {

    static final List<String> OVERLAYS = RenderedManifests.OVERLAYS;
    static final String DASHBOARD_CONFIGMAP = "lodestone-grafana-dashboard";
    static final String DASHBOARD_KEY = "lodestone.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void dashboardIsAConfigMapTheGrafanaSidecarLoads(String overlay) throws IOException {
        JsonNode configMap = RenderedManifests.of(overlay).find("ConfigMap", DASHBOARD_CONFIGMAP)
                .orElseThrow(() -> new AssertionError(overlay + ": ConfigMap " + DASHBOARD_CONFIGMAP + " not rendered"));
        assertEquals("1", configMap.path("metadata").path("labels").path("grafana_dashboard").asText(),
                overlay + ": the dashboard ConfigMap lacks the sidecar label grafana_dashboard=1");
        JsonNode dashboard = JSON.readTree(configMap.path("data").path(DASHBOARD_KEY).asText());
        assertFalse(dashboard.path("uid").asText().isBlank(), "dashboard without uid");
        List<JsonNode> graphs = new ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            if (!"row".equals(p.path("type").asText())) {
                graphs.add(p);
            }
        });
        assertTrue(graphs.size() >= 12, overlay + ": expected the gateway, subgraph, pool and JVM panels, got " + graphs.size());
        Set<String> titles = graphs.stream().map(p -> p.path("title").asText()).collect(Collectors.toSet());
        for (String wanted : List.of("GraphQL requests per second", "5xx ratio", "Latency", "Subgraph error ratio",
                "Subgraph p95 latency", "Threads waiting for a connection", "Heap used")) {
            assertTrue(titles.contains(wanted), overlay + ": no panel \"" + wanted + "\"");
        }
        for (JsonNode panel : graphs) {
            assertFalse(panel.path("targets").isEmpty(), "panel " + panel.path("title").asText() + " has no query");
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                assertFalse(expr.isBlank(), "panel " + panel.path("title").asText() + " has an empty query");
                assertKnownMetrics("dashboard panel \"" + panel.path("title").asText() + "\"", expr);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void alertRulesPassPromtoolAndReadOnlyCataloguedMetrics(String overlay) throws IOException {
        JsonNode rule = RenderedManifests.of(overlay).find("PrometheusRule", "lodestone")
                .orElseThrow(() -> new AssertionError(overlay + ": PrometheusRule lodestone not rendered"));
        Path file = RepositoryLayout.buildDir().resolve("prometheus-rules").resolve(overlay + ".yaml");
        Files.createDirectories(file.getParent());
        // A Prometheus rule file is the PrometheusRule's spec: {groups: [...]}.
        new YAMLMapper().writeValue(file.toFile(), rule.path("spec"));
        Promtool.Result result = Promtool.checkRules(file);
        assertEquals(0, result.exitCode(), overlay + ": promtool check rules failed:\n" + result.output());
        assertTrue(result.output().contains("SUCCESS: " + alerts(rule).size() + " rules found"),
                overlay + ": unexpected promtool output:\n" + result.output());
        alerts(rule).forEach((name, alert) -> assertKnownMetrics("alert " + name, alert.path("expr").asText()));
    }

    @Test
    void theAlertsThatMatterAreThereEachWithARunbook() throws IOException {
        JsonNode rule = RenderedManifests.of("prod").find("PrometheusRule", "lodestone").orElseThrow();
        Map<String, JsonNode> alerts = alerts(rule);
        assertEquals(new TreeSet<>(List.of("LodestoneGatewayHighErrorRatio", "LodestoneSubgraphErrorRatio",
                "LodestoneGatewayHighLatency", "LodestonePodRestarting", "LodestoneDatabasePoolExhausted",
                "LodestoneJwksFetchFailing", "LodestoneSubscriptionsFailing")), new TreeSet<>(alerts.keySet()));
        String readme = Files.readString(RepositoryLayout.operatorReadme());
        for (Map.Entry<String, JsonNode> alert : alerts.entrySet()) {
            String name = alert.getKey();
            assertFalse(alert.getValue().path("labels").path("severity").asText().isBlank(), name + " has no severity");
            assertEquals("deploy/README.md#" + name.toLowerCase(Locale.ROOT),
                    alert.getValue().path("annotations").path("runbook").asText(), name + ": runbook annotation");
            int heading = readme.indexOf("\n### " + name + "\n");
            assertTrue(heading >= 0, "deploy/README.md has no runbook heading ### " + name);
            String after = readme.substring(heading + name.length() + 6).stripLeading();
            assertTrue(after.length() > 200 && !after.startsWith("#"), "the runbook of " + name + " is empty");
        }
    }

    @Test
    void metricNamesAreReadFromPromQl() {
        assertEquals(Set.of("a_total", "b_seconds_bucket"), PromQl.metricNames(
                "sum by (job, le) (rate(a_total{job=\"x\", uri=~\"/g.*\"}[5m])) / histogram_quantile(0.9, "
                        + "rate(b_seconds_bucket{namespace=\"$namespace\"}[$__rate_interval])) > bool 2 and on (pod) vector(1)"));
    }

    private static Map<String, JsonNode> alerts(JsonNode rule) {
        Map<String, JsonNode> alerts = new LinkedHashMap<>();
        for (JsonNode group : rule.path("spec").path("groups")) {
            for (JsonNode r : group.path("rules")) {
                if (r.hasNonNull("alert")) {
                    alerts.put(r.path("alert").asText(), r);
                }
            }
        }
        return alerts;
    }

    private static void assertKnownMetrics(String where, String expression) {
        Set<String> names = PromQl.metricNames(expression);
        assertFalse(names.isEmpty(), where + " reads no metric: " + expression);
        Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(ExportedMetrics.names());
        assertTrue(unknown.isEmpty(), where + " reads metrics nobody exports (not in "
                + ExportedMetrics.FILE + "): " + unknown);
    }
}
