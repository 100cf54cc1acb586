package org.lodestone.gateway.planning;

import java.util.Map;

import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.supergraph.SupergraphLoader;
import org.lodestone.gateway.testsupport.Supergraphs;

/**
 * Prints the planner's throughput on the largest test supergraph (not a test: figures depend on the machine).
 * Run: {@code ./mvnw -o -pl gateway test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.lodestone.gateway.planning.PlannerBenchmark}
 */
public final class PlannerBenchmark {

    private PlannerBenchmark() {
    }

    public static void main(String[] args) {
        Supergraph supergraph = SupergraphLoader.load("classpath:supergraphs/coalition-extended.graphql");
        NormalizedOperation operation = Supergraphs.normalize(supergraph, QueryPlannerTest.COALITION_QUERY, Map.of());
        QueryPlanner planner = new QueryPlanner(supergraph);
        PlanCache cache = new PlanCache(1000);
        System.out.printf("supergraph coalition-extended, operation: coalition query (%d fetches)%n",
                planner.plan(operation).fetchCount());
        for (int round = 0; round < 3; round++) {
            System.out.printf("round %d: uncached %,.0f plans/s, cached %,.0f plans/s%n", round,
                    rate(() -> planner.plan(operation)), rate(() -> cache.get(operation, planner::plan)));
        }
    }

    /** Plans per second over about one second, after a short warm-up. */
    private static double rate(Runnable plan) {
        for (int i = 0; i < 2_000; i++) {
            plan.run();
        }
        long count = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (int i = 0; i < 500; i++) {
                plan.run();
            }
            count += 500;
            elapsed = System.nanoTime() - start;
        } while (elapsed < 1_000_000_000L);
        return count * 1e9 / elapsed;
    }
}
