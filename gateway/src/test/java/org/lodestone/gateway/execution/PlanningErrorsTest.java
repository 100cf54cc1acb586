package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.pipeline.GraphQLResponse;
import org.lodestone.gateway.planning.PlanningException;
import org.lodestone.gateway.supergraph.SupergraphLoader;
import org.lodestone.gateway.testsupport.Supergraphs;
import org.lodestone.gateway.testsupport.TestGateway;

/**
 * A valid operation the gateway cannot plan answers a GraphQL error with {@code QUERY_PLANNING_FAILED} as a
 * request error (400 for {@code application/graphql-response+json}, 200 for {@code application/json}), never
 * a 500, and sends nothing to any subgraph. The case: a mutation whose value-type result has fields the subgraph
 * running it cannot resolve (asking a second subgraph would run the mutation twice).
 */
class PlanningErrorsTest {

    private static final String QUERY = "mutation { resize(id: \"p1\") { width height } }";
    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway("supergraphs/value-types.graphql", "value-types");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void thePlannerRefusesWithAReason() {
        PlanningException failure = assertThrows(PlanningException.class,
                () -> Supergraphs.plan(SupergraphLoader.load("classpath:supergraphs/value-types.graphql"), QUERY));
        assertEquals("Mutation.resize returns fields of Dimensions that inventory cannot resolve",
                failure.getMessage());
    }

    @Test
    void theRequestAnswersQueryPlanningFailedWithoutData() {
        gateway.reset();
        GraphQLResponse response = gateway.process(QUERY);
        assertTrue(response.requestError(), "a request error: 400 or 200 by media type, never 500");
        assertEquals(0, response.status());
        assertFalse(response.body().containsKey("data"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.body().get("errors");
        assertEquals("QUERY_PLANNING_FAILED", TestGateway.at(response.body(), "errors", 0, "extensions", "code"));
        assertTrue(errors.get(0).get("message").toString().contains("Mutation.resize"), errors.toString());
        assertEquals(0, gateway.totalRequests());
    }

    @Test
    void whatCanBePlannedStillRuns() {
        Map<String, Object> body = gateway.run("mutation { resize(id: \"p1\") { width weight } }");
        assertEquals(0.1, TestGateway.at(body, "data", "resize", "weight"), body.toString());
    }
}
