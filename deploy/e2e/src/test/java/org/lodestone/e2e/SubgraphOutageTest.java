package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.e2e.RunningStack.step;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lodestone.localstack.LocalStack;

/** One subgraph down: the rest of the data still arrives, its fields fail with SUBGRAPH_UNAVAILABLE; then it recovers. */
@Order(7)
@ExtendWith(RunningStack.class)
class SubgraphOutageTest {

    private static final String MINERAL_QUERY = """
            {
              countries(coalitionOnly: true) { code name }
              mineral(id: "lithium") { id name }
            }
            """;

    /** The coalition overview's agreement paths: countries with their agreements and commitments. */
    private static final String OVERVIEW = """
            {
              countries(coalitionOnly: true) {
                code
                name
                dependencies { mineral { id } indicator value }
                agreements { id title status commitments { id status } }
                commitments { id kind status }
              }
              minerals { id name }
            }
            """;

    @Test
    void stoppingMineralServiceYieldsPartialDataAndRestartingItRecoversWithoutRestartingTheGateway() {
        LocalStack stack = RunningStack.stack();
        Graphql graphql = RunningStack.graphql();
        String token = RunningStack.keycloak().token("jp-member");
        long gatewayPid = stack.pid(LocalStack.GATEWAY);

        step("all subgraphs up: countries and lithium both answer");
        Graphql.Result healthy = graphql.call(token, MINERAL_QUERY).withoutErrors();
        assertEquals("lithium", healthy.get("data.mineral.id"));

        step("stopping mineral-service");
        stack.stopComponent(LocalStack.MINERAL);

        step("same query: countries still arrive, mineral is null with SUBGRAPH_UNAVAILABLE at path [mineral]");
        Graphql.Result partial = graphql.call(token, MINERAL_QUERY);
        step("  -> " + partial.body().substring(0, Math.min(400, partial.body().length())));
        assertEquals(12, partial.<List<?>>get("data.countries").size(), partial.body());
        assertNull(partial.get("data.mineral"), partial.body());
        assertEquals(List.of("SUBGRAPH_UNAVAILABLE"), partial.errorCodes(), partial.body());
        assertEquals(List.of("mineral"), partial.errors().get(0).get("path"), partial.body());

        step("a field mineral-service contributes to Country (supplyShares) is nullable: only it is null, with");
        step("SUBGRAPH_UNAVAILABLE at its path; the country and me, from country-service, still arrive");
        Graphql.Result jump = graphql.call(token, """
                { country(code: "JP") { code name supplyShares(stage: REFINING) { sharePct } } me { username } }
                """);
        step("  -> " + jump.body().substring(0, Math.min(400, jump.body().length())));
        assertEquals("jp-member", jump.get("data.me.username"), jump.body());
        assertEquals("JP", jump.get("data.country.code"), jump.body());
        assertNotNull(jump.get("data.country.name"), jump.body());
        assertNull(jump.get("data.country.supplyShares"), jump.body());
        assertEquals(List.of("SUBGRAPH_UNAVAILABLE"), jump.errorCodes(), jump.body());
        assertEquals(List.of("country", "supplyShares"), jump.errors().get(0).get("path"), jump.body());

        step("starting mineral-service again");
        stack.startComponent(LocalStack.MINERAL);

        step("same query through the same gateway process: complete again");
        Graphql.Result recovered = retry(() -> graphql.call(token, MINERAL_QUERY).withoutErrors());
        assertEquals("lithium", recovered.get("data.mineral.id"));
        assertNotNull(recovered.get("data.mineral.name"));
        assertEquals(gatewayPid, stack.pid(LocalStack.GATEWAY), "the gateway was not restarted");
    }

    @Test
    void stoppingAgreementServiceCostsOnlyTheAgreementPathsOfTheCoalitionOverview() {
        LocalStack stack = RunningStack.stack();
        Graphql graphql = RunningStack.graphql();
        String admin = RunningStack.keycloak().token("coalition-admin");

        step("all subgraphs up (after any earlier outage has healed): the coalition overview is complete");
        retry(() -> graphql.call(admin, OVERVIEW).withoutErrors());

        step("stopping agreement-service");
        stack.stopComponent(LocalStack.AGREEMENT);
        try {
            step("same overview: 12 countries with names and dependencies; agreements and commitments null, each with");
            step("a SUBGRAPH_UNAVAILABLE error on each country's agreement path; nothing else fails");
            Graphql.Result partial = graphql.call(admin, OVERVIEW);
            step("  -> " + partial.body().substring(0, Math.min(400, partial.body().length())));
            List<Map<String, Object>> countries = partial.get("data.countries");
            assertEquals(12, countries.size(), partial.body());
            for (Map<String, Object> country : countries) {
                assertNotNull(country.get("name"), partial.body());
                assertTrue(country.get("dependencies") instanceof List, partial.body());
                assertTrue(country.containsKey("agreements") && country.get("agreements") == null, partial.body());
                assertTrue(country.containsKey("commitments") && country.get("commitments") == null, partial.body());
            }
            assertFalse(partial.<List<?>>get("data.minerals").isEmpty(), partial.body());
            assertTrue(partial.errorCodes().stream().allMatch("SUBGRAPH_UNAVAILABLE"::equals), partial.body());
            // one error per country for the failed fetch, on the first of its agreement fields
            Set<Object> countriesWithAnError = new TreeSet<>();
            for (Map<String, Object> error : partial.errors()) {
                List<?> path = (List<?>) error.get("path");
                assertNotNull(path, partial.body());
                assertEquals("countries", path.get(0), partial.body());
                assertTrue(path.get(2).equals("agreements") || path.get(2).equals("commitments"), partial.body());
                countriesWithAnError.add(path.get(1));
            }
            assertEquals(12, countriesWithAnError.size(), partial.body());
        } finally {
            step("starting agreement-service again");
            stack.startComponent(LocalStack.AGREEMENT);
        }
        retry(() -> graphql.call(admin, OVERVIEW).withoutErrors());
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
