package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.e2e.RunningStack.step;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lodestone.localstack.LocalStack;

/** One subgraph down: the rest of the data still arrives, its fields fail with SUBGRAPH_UNAVAILABLE; then it recovers. */
@Order(7)
@ExtendWith(RunningStack.class)
class SubgraphOutageTest {

    private static final String QUERY = """
            {
              countries(coalitionOnly: true) { code name }
              mineral(id: "lithium") { id name }
            }
            """;

    @Test
    void stoppingMineralServiceYieldsPartialDataAndRestartingItRecoversWithoutRestartingTheGateway() {
        LocalStack stack = RunningStack.stack();
        Graphql graphql = RunningStack.graphql();
        String token = RunningStack.keycloak().token("jp-member");
        long gatewayPid = stack.pid(LocalStack.GATEWAY);

        step("all subgraphs up: countries and lithium both answer");
        Graphql.Result healthy = graphql.call(token, QUERY).withoutErrors();
        assertEquals("lithium", healthy.get("data.mineral.id"));

        step("stopping mineral-service");
        stack.stopComponent(LocalStack.MINERAL);

        step("same query: countries still arrive, mineral is null with SUBGRAPH_UNAVAILABLE at path [mineral]");
        Graphql.Result partial = graphql.call(token, QUERY);
        step("  -> " + partial.body().substring(0, Math.min(400, partial.body().length())));
        assertEquals(12, partial.<List<?>>get("data.countries").size(), partial.body());
        assertNull(partial.get("data.mineral"), partial.body());
        assertEquals(List.of("SUBGRAPH_UNAVAILABLE"), partial.errorCodes(), partial.body());
        assertEquals(List.of("mineral"), partial.errors().get(0).get("path"), partial.body());

        step("an entity jump into the stopped subgraph (Country.supplyShares): the non-null list fails, so its nullable");
        step("parent country(code: JP) becomes null (GraphQL null propagation); me, from country-service, still arrives");
        Graphql.Result jump = graphql.call(token, """
                { country(code: "JP") { code supplyShares(stage: REFINING) { sharePct } } me { username } }
                """);
        step("  -> " + jump.body().substring(0, Math.min(400, jump.body().length())));
        assertEquals("jp-member", jump.get("data.me.username"), jump.body());
        assertNull(jump.get("data.country"), jump.body());
        assertFalse(jump.errors().isEmpty(), jump.body());
        assertTrue(jump.errorCodes().stream().allMatch("SUBGRAPH_UNAVAILABLE"::equals), jump.body());
        assertEquals(List.of("country", "supplyShares"), jump.errors().get(0).get("path"), jump.body());

        step("starting mineral-service again");
        stack.startComponent(LocalStack.MINERAL);

        step("same query through the same gateway process: complete again");
        Graphql.Result recovered = retry(() -> graphql.call(token, QUERY).withoutErrors());
        assertEquals("lithium", recovered.get("data.mineral.id"));
        assertNotNull(recovered.get("data.mineral.name"));
        assertEquals(gatewayPid, stack.pid(LocalStack.GATEWAY), "the gateway was not restarted");
    }

    /** A circuit breaker in the gateway may stay open a few seconds after the subgraph is back. */
    private static Graphql.Result retry(Supplier<Graphql.Result> call) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                return call.get();
            } catch (AssertionError e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                step("  not yet: " + e.getMessage().substring(0, Math.min(160, e.getMessage().length())));
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
