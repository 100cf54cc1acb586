package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.e2e.RunningStack.step;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The federation "done when" query (issue 3) through the real stack: every coalition member with its dependence
 * indicators, its agreements with their commitments and parties, and the refining concentration of each mineral
 * involved. Three subgraphs, several entity jumps; the latency is printed.
 */
@Order(3)
@ExtendWith(RunningStack.class)
class CoalitionOverviewTest {

    private static final String OVERVIEW = """
            query CoalitionOverview {
              countries(coalitionOnly: true) {
                code
                name
                dependencies { mineral { id } indicator value unit period }
                agreements {
                  id
                  title
                  status
                  parties { code name }
                  commitments { id kind obligor { code } status }
                  minerals {
                    id
                    name
                    concentration(stage: REFINING) { year dataset hhi top3SharePct chinaSharePct leader { code } }
                  }
                }
              }
            }
            """;

    @Test
    @SuppressWarnings("unchecked")
    void everyCoalitionMemberWithDependenciesAgreementsCommitmentsAndConcentration() {
        Graphql graphql = RunningStack.graphql();
        String admin = RunningStack.keycloak().token("coalition-admin");

        step("issue 3 overview query as coalition-admin (sees every agreement)");
        List<Long> millis = new ArrayList<>();
        Graphql.Result result = null;
        for (int i = 0; i < 6; i++) {
            long started = System.nanoTime();
            result = graphql.call(admin, OVERVIEW).withoutErrors();
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        step("  latency: first " + millis.get(0) + " ms (cold plan and caches), then " + millis.subList(1, millis.size())
                + " ms; median warm " + median(millis.subList(1, millis.size())) + " ms; response "
                + result.body().length() + " bytes");

        // the gateway's debug header returns the plan and how many subgraph requests the query cost
        var planned = graphql.post(admin, OVERVIEW, Map.of(), Map.of("X-Lodestone-Debug-Plan", "true")).jsonPath();
        Object requests = planned.get("extensions.subgraphRequests");
        step("  subgraph requests for the whole query: " + requests + " (one per subgraph per plan level, not one per country)");
        if (requests instanceof Number count) {
            assertTrue(count.intValue() <= 6, "batched fetches expected, got " + count + " subgraph requests");
        }

        List<Map<String, Object>> countries = result.get("data.countries");
        assertEquals(12, countries.size(), "twelve coalition members");
        long withIndicators = countries.stream().filter(c -> !((List<?>) c.get("dependencies")).isEmpty()).count();
        long withAgreements = countries.stream().filter(c -> !((List<?>) c.get("agreements")).isEmpty()).count();
        List<Map<String, Object>> concentrations = result.<List<Map<String, Object>>>get(
                "data.countries.agreements.minerals.concentration.flatten()").stream().filter(Objects::nonNull).toList();
        step("  " + countries.size() + " members, " + withIndicators + " with dependence indicators, " + withAgreements
                + " with agreements, " + concentrations.size() + " mineral concentrations resolved");
        assertTrue(withIndicators > 0, "some members carry dependence indicators");
        assertTrue(withAgreements > 0, "some members are party to agreements");
        assertFalse(concentrations.isEmpty(), "refining concentration resolved through mineral-service");

        Map<String, Object> japan = countries.stream().filter(c -> "JP".equals(c.get("code"))).findFirst().orElseThrow();
        List<Map<String, Object>> japaneseAgreements = (List<Map<String, Object>>) japan.get("agreements");
        step("  JP: " + ((List<?>) japan.get("dependencies")).size() + " indicators, " + japaneseAgreements.size()
                + " agreements, e.g. " + japaneseAgreements.stream().map(a -> a.get("title")).limit(3).toList());
        assertTrue(japaneseAgreements.stream().allMatch(a -> ((List<Map<String, Object>>) a.get("parties")).stream()
                .anyMatch(p -> "JP".equals(p.get("code")))), "Country.agreements only lists agreements JP is party to");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
