package org.lodestone.gateway.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.supergraph.SupergraphLoader;
import org.lodestone.gateway.testsupport.Supergraphs;


/**
 * The committed supergraph composed from the three services loads and plans the coalition query of
 * the federation issue with one fetch per subgraph per level. Skipped until that file exists; the
 * system property {@code lodestone.test.real-supergraph} points the test at another file.
 */
public class RealSupergraphTest {

    public static final String COALITION_QUERY = """
            {
              countries(coalitionOnly: true) {
                code name
                dependencies { indicator value unit period mineral { id name concentration(stage: REFINING) { hhi top3SharePct chinaSharePct leader { code } } } }
                agreements {
                  id title status
                  parties { code name }
                  commitments { id kind description status obligor { code name } mineral { id name concentration(stage: REFINING) { hhi top3SharePct chinaSharePct } } }
                  minerals { id name concentration(stage: REFINING) { hhi top3SharePct chinaSharePct leader { code name } } }
                }
              }
            }
            """;

    @Test
    void realSupergraphPlansTheCoalitionQueryOneFetchPerSubgraphPerLevel() {
        String location = System.getProperty("lodestone.test.real-supergraph");
        if (location == null) {
            Assumptions.assumeTrue(getClass().getClassLoader().getResource("supergraph.graphql") != null,
                    "supergraph.graphql not committed yet");
            location = "classpath:supergraph.graphql";
        }
        Supergraph supergraph = SupergraphLoader.load(location);
        assertEquals(3, supergraph.subgraphs().size());
        QueryPlan plan = new QueryPlanner(supergraph).plan(Supergraphs.normalize(supergraph, COALITION_QUERY, Map.of()));
        System.out.println(plan);
        QueryPlannerTest.assertOneFetchPerSubgraphPerLevel(plan);
        List<Integer> perLevel = plan.phases().get(0).stages().stream().map(s -> s.fetches().size()).toList();
        assertEquals(1, perLevel.get(0), plan.toString());
        assertTrue(plan.fetchCount() <= 3 * perLevel.size(), plan.toString());
    }
}
