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
 * a 500, and sends nothing to any subgraph. The case: an argument filled through {@code @fromContext} from a
 * selection with type conditions ({@code $item ... on Book { region } ... on Film { region }}).
 */
class PlanningErrorsTest {

    private static final String QUERY = "{ featured { ... on Book { offer { price } } } }";
    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway("supergraphs/context-union.graphql", "context-union");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void thePlannerRefusesWithAReason() {
        PlanningException failure = assertThrows(PlanningException.class,
                () -> Supergraphs.plan(SupergraphLoader.load("classpath:supergraphs/context-union.graphql"), QUERY));
        assertEquals("Offer.price takes its argument region from a @fromContext selection with type conditions, "
                + "which this gateway does not support yet",
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
        assertTrue(errors.get(0).get("message").toString().contains("@fromContext"), errors.toString());
        assertEquals(0, gateway.totalRequests());
    }

    @Test
    void whatCanBePlannedStillRuns() {
        Map<String, Object> body = gateway.run("{ featured { ... on Book { id offer { seller } } } }");
        assertEquals("Atlas Books", TestGateway.at(body, "data", "featured", "offer", "seller"), body.toString());
    }
}
