package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.e2e.RunningStack.step;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An analyst compares in one request: the same field twice under aliases with different arguments, in every
 * subgraph. Batched field resolvers once answered every alias with the first alias's arguments; through the gateway
 * each alias must get its own answer.
 */
@Order(5)
@ExtendWith(RunningStack.class)
class AliasedArgumentsTest {

    private static final String COMPARISON = """
            query Comparison {
              country(code: "US") {
                rareEarths: dependencies(mineral: "rare_earths") { mineral { id } }
                gallium: dependencies(mineral: "gallium") { mineral { id } }
                signed: agreements(status: SIGNED) { id status }
                inForce: agreements(status: IN_FORCE) { id status }
                notMeasurable: commitments(status: NOT_MEASURABLE) { status }
                overdue: commitments(status: OVERDUE) { status }
              }
              mineral(id: "cobalt") {
                refining: concentration(stage: REFINING, year: 2024) { stage year chinaSharePct }
                mining: concentration(stage: MINING, year: 2024) { stage year }
                minedBy: supplyShares(stage: MINING, year: 2024, dataset: IEA) { stage }
                refinedBy: supplyShares(stage: REFINING, year: 2024, dataset: IEA) { stage }
              }
            }
            """;

    @Test
    @SuppressWarnings("unchecked")
    void eachAliasGetsTheAnswerToItsOwnArguments() {
        step("aliases with different arguments in all three subgraphs, through the gateway, as coalition-admin");
        Graphql.Result result = RunningStack.graphql().call(RunningStack.keycloak().token("coalition-admin"),
                COMPARISON).withoutErrors();
        step("  -> " + result.body().substring(0, Math.min(600, result.body().length())));

        // country-service
        assertEquals(Set.of("rare_earths"), values(result.get("data.country.rareEarths.mineral.id")), result.body());
        assertEquals(Set.of("gallium"), values(result.get("data.country.gallium.mineral.id")), result.body());
        // agreement-service: the seed's only IN_FORCE agreement with the US is US-Japan 2023
        assertEquals(Set.of("SIGNED"), values(result.get("data.country.signed.status")), result.body());
        assertEquals(Set.of("IN_FORCE"), values(result.get("data.country.inForce.status")), result.body());
        assertTrue(((List<String>) result.get("data.country.inForce.id")).contains("AG-US-JP-2023-CMA"), result.body());
        assertFalse(((List<?>) result.get("data.country.notMeasurable")).isEmpty(), result.body());
        assertTrue(values(result.get("data.country.notMeasurable.status")).equals(Set.of("NOT_MEASURABLE")),
                result.body());
        assertTrue(Set.of("OVERDUE").containsAll(values(result.get("data.country.overdue.status"))), result.body());
        // mineral-service
        Map<String, Object> refining = result.get("data.mineral.refining");
        Map<String, Object> mining = result.get("data.mineral.mining");
        assertEquals("REFINING", refining.get("stage"), result.body());
        assertEquals("MINING", mining.get("stage"), result.body());
        assertEquals(Set.of("MINING"), values(result.get("data.mineral.minedBy.stage")), result.body());
        assertEquals(Set.of("REFINING"), values(result.get("data.mineral.refinedBy.stage")), result.body());
    }

    private static Set<Object> values(List<?> list) {
        return new HashSet<>(list);
    }
}
