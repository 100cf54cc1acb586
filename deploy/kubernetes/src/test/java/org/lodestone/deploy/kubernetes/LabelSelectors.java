package org.lodestone.deploy.kubernetes;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/** Kubernetes label-selector semantics (matchLabels, matchExpressions, and the plain map of a Service). */
final class LabelSelectors {

    private LabelSelectors() {
    }

    static Map<String, String> labels(JsonNode labelsNode) {
        Map<String, String> labels = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : labelsNode.properties()) {
            labels.put(e.getKey(), e.getValue().asText());
        }
        return labels;
    }

    /** A Service's selector: every pair must be present. */
    static boolean mapMatches(JsonNode selector, Map<String, String> podLabels) {
        return labels(selector).entrySet().stream()
                .allMatch(e -> e.getValue().equals(podLabels.get(e.getKey())));
    }

    /** A LabelSelector; an empty one matches everything, as in Kubernetes. */
    static boolean matches(JsonNode selector, Map<String, String> podLabels) {
        if (!mapMatches(selector.path("matchLabels"), podLabels)) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            Set<String> values = new HashSet<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            String value = podLabels.get(key);
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("Unknown selector operator in " + expression);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Every key a selector mentions, to check that none is the version label. */
    static Set<String> keys(JsonNode selector) {
        Set<String> keys = new HashSet<>(labels(selector.path("matchLabels")).keySet());
        selector.path("matchExpressions").forEach(e -> keys.add(e.path("key").asText()));
        return keys;
    }
}
