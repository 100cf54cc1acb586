package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.gateway.pipeline.OperationStream;
import org.lodestone.gateway.testsupport.StubSubgraph;
import org.lodestone.gateway.testsupport.TestGateway;

/**
 * The gateway-declared {@code alerts} field over the committed supergraph, with stubs serving the services' committed
 * SDL: the replay merges both services' lists, the subscription both services' streams, and fields below the root
 * come from their owners through {@code _entities} for every event.
 */
class MergedAlertsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SELECTION = """
            __typename id kind occurredAt
            ... on ExportControlAlert { hitMembers { code name } exportControl { id minerals { name } } }
            ... on AgreementAlert { agreement { title } agreementStatus }
            ... on CommitmentAlert { commitment { obligor { name } } fulfilledPct }
            """;
    private static final Map<String, Object> EXPORT_CONTROL_EVENT = Map.of("exportControlAlerts", Map.of(
            "__typename", "ExportControlAlert", "id", "ec-9", "kind", "EXPORT_CONTROL_RECORDED",
            "occurredAt", "2026-11-29T10:00:00Z", "countries", List.of("JP"), "hitMembers", List.of(Map.of("code", "JP")),
            "imposingCountry", Map.of("code", "CN"), "minerals", List.of(Map.of("id", "gallium")),
            "exportControl", Map.of("id", "EC-9", "measure", "ban", "minerals", List.of(Map.of("id", "gallium")))));
    private static final Map<String, Object> COMMITMENT_EVENT = Map.of("agreementAlerts", Map.of(
            "__typename", "CommitmentAlert", "id", "cm-9", "kind", "PROGRESS_REPORTED",
            "occurredAt", "2026-11-29T10:00:01Z", "countries", List.of("JP"), "commitmentStatus", "ON_TRACK",
            "fulfilledPct", 50.0, "commitment", Map.of("id", "C-1")));

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.withAlerts("alerts");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void reset() {
        gateway.reset();
    }

    @Test
    void theApiSchemaDeclaresAlertsOnQueryAndSubscription() {
        Map<String, Object> body = gateway.run("""
                {
                  query: __type(name: "Query") { fields { name args { name type { kind name ofType { name } } } type { kind ofType { kind ofType { kind ofType { name } } } } } }
                  subscription: __type(name: "Subscription") { fields { name type { kind ofType { name } } } }
                }
                """);
        assertNull(body.get("errors"), String.valueOf(body));
        List<Map<String, Object>> queryFields = (List<Map<String, Object>>) at(body, "data", "query", "fields");
        Map<String, Object> replay = queryFields.stream().filter(f -> f.get("name").equals("alerts")).findFirst()
                .orElseThrow();
        assertEquals(List.of("countries", "kinds", "limit", "since"),
                ((List<Map<String, Object>>) replay.get("args")).stream().map(a -> a.get("name")).sorted().toList());
        assertEquals("Alert", at(replay, "type", "ofType", "ofType", "ofType", "name"), "[Alert!]!");
        List<Map<String, Object>> subscriptionFields = (List<Map<String, Object>>) at(body, "data", "subscription",
                "fields");
        Map<String, Object> live = subscriptionFields.stream().filter(f -> f.get("name").equals("alerts")).findFirst()
                .orElseThrow();
        assertEquals("NON_NULL", at(live, "type", "kind"));
        assertEquals("Alert", at(live, "type", "ofType", "name"));
    }

    @Test
    void theReplayMergesBothServicesByOccurredAtAndCutsToTheLimit() {
        Map<String, Object> body = gateway.run("query($since: DateTime) { alerts(since: $since, limit: 3) { "
                + SELECTION + " } }", Map.of("since", "2026-10-01T00:00:00Z"));
        assertNull(body.get("errors"), String.valueOf(body));
        List<Map<String, Object>> alerts = (List<Map<String, Object>>) at(body, "data", "alerts");
        // ec-1 (1 Nov), ag-1 (2 Nov, written with +00:00), ec-2 (3 Nov); cm-1 (4 Nov) is past the limit
        assertEquals(List.of("ec-1", "ag-1", "ec-2"), alerts.stream().map(a -> a.get("id")).toList());
        assertEquals(List.of(Map.of("code", "JP", "name", "Japan")), alerts.get(0).get("hitMembers"));
        assertEquals(List.of(Map.of("name", "Gallium")), at(alerts.get(0), "exportControl", "minerals"));
        assertEquals("US-Japan Critical Minerals Agreement", at(alerts.get(1), "agreement", "title"));
        assertFalse(alerts.get(0).containsKey("_lodestoneOrder0"), "order keys stay inside the gateway");

        String mineralQuery = compact(gateway.stub("mineral").received().get(0).query());
        assertTrue(mineralQuery.contains("exportControlAlerts(since:$since,limit:3)"), mineralQuery);
        assertFalse(mineralQuery.contains("AgreementAlert"), "no fragment mineral-service cannot have: " + mineralQuery);
        String agreementQuery = compact(gateway.stub("agreement").received().get(0).query());
        assertTrue(agreementQuery.contains("agreementAlerts(since:$since,limit:3)"), agreementQuery);
        assertTrue(gateway.stub("country").received().stream().anyMatch(r -> r.query().contains("_entities")),
                "country names come from country-service");

        Map<String, Object> all = gateway.run("{ alerts { " + SELECTION + " } }");
        List<Map<String, Object>> everything = (List<Map<String, Object>>) at(all, "data", "alerts");
        assertEquals(List.of("ec-1", "ag-1", "ec-2", "cm-1"), everything.stream().map(a -> a.get("id")).toList());
        assertEquals(Map.of("obligor", Map.of("name", "Japan")), everything.get(3).get("commitment"));
    }

    @Test
    void kindsAreSentOnlyToTheServiceThatEmitsThem() {
        Map<String, Object> body = gateway.run("{ alerts(kinds: [PROGRESS_REPORTED]) { id } }");
        assertNull(body.get("errors"), String.valueOf(body));
        assertEquals("ag-1", at(body, "data", "alerts", 0, "id"), "the stub ignores kinds; the gateway asked it alone");
        assertEquals(0, gateway.stub("mineral").requestCount(), "mineral-service emits no PROGRESS_REPORTED");
        assertTrue(gateway.stub("agreement").received().get(0).query().contains("kinds: [PROGRESS_REPORTED]"),
                gateway.stub("agreement").received().get(0).query());

        gateway.reset();
        gateway.run("query($kinds: [AlertKind!]) { alerts(kinds: $kinds) { id } }",
                Map.of("kinds", List.of("PRICE_MOVE", "AGREEMENT_CREATED")));
        assertTrue(gateway.stub("mineral").received().get(0).query().contains("kinds: [PRICE_MOVE]"));
        assertTrue(gateway.stub("agreement").received().get(0).query().contains("kinds: [AGREEMENT_CREATED]"));
    }

    @Test
    void theSubscriptionInterleavesBothStreamsAndResolvesEntityFieldsPerEvent() {
        OperationStream stream = gateway.stream("subscription { alerts(countries: [\"JP\"]) { " + SELECTION + " } }",
                Map.of(), "Bearer jp-token");
        assertNull(stream.rejected());
        AssertSubscriber<Map<String, Object>> events = stream.results().subscribe().withSubscriber(AssertSubscriber.create(10));
        StubSubgraph.Subscriber mineral = gateway.stub("mineral").awaitSubscribers(1).get(0);
        StubSubgraph.Subscriber agreement = gateway.stub("agreement").awaitSubscribers(1).get(0);
        String sent = gateway.stub("mineral").received().get(0).query();
        assertTrue(compact(sent).startsWith("subscription{"), sent);
        assertTrue(compact(mineral.query()).contains("exportControlAlerts(countries:[\"JP\"])"), mineral.query());
        assertEquals("Bearer jp-token", mineral.authorization(), "the caller's token goes upstream");
        assertEquals("Bearer jp-token", agreement.authorization());

        gateway.stub("mineral").emit(EXPORT_CONTROL_EVENT);
        events.awaitItems(1, WAIT);
        Map<String, Object> first = events.getItems().get(0);
        assertNull(first.get("errors"), String.valueOf(first));
        assertEquals("ec-9", at(first, "data", "alerts", "id"));
        assertEquals("Japan", at(first, "data", "alerts", "hitMembers", 0, "name"));
        assertEquals("Gallium", at(first, "data", "alerts", "exportControl", "minerals", 0, "name"));

        gateway.stub("agreement").emit(COMMITMENT_EVENT);
        events.awaitItems(2, WAIT);
        Map<String, Object> second = events.getItems().get(1);
        assertEquals("CommitmentAlert", at(second, "data", "alerts", "__typename"));
        assertEquals("Japan", at(second, "data", "alerts", "commitment", "obligor", "name"));

        events.cancel();
        awaitNoSubscribers("mineral");
        awaitNoSubscribers("agreement");
    }

    @Test
    void aSubscriptionToOneServicesKindsSubscribesThereOnly() {
        AssertSubscriber<Map<String, Object>> events = gateway.stream(
                "subscription { alerts(kinds: [EXPORT_CONTROL_RECORDED]) { id } }", Map.of(), "Bearer t")
                .results().subscribe().withSubscriber(AssertSubscriber.create(10));
        StubSubgraph.Subscriber mineral = gateway.stub("mineral").awaitSubscribers(1).get(0);
        assertTrue(mineral.query().contains("kinds: [EXPORT_CONTROL_RECORDED]"), mineral.query());
        assertEquals(0, gateway.stub("agreement").subscribers().size());
        events.cancel();
        awaitNoSubscribers("mineral");
    }

    @Test
    void aServiceEndingTheSubscriptionForTheTokenEndsTheStreamAsExpired() {
        AssertSubscriber<Map<String, Object>> events = gateway.stream(
                "subscription { exportControlAlerts { id } }", Map.of(), "Bearer t")
                .results().subscribe().withSubscriber(AssertSubscriber.create(10));
        gateway.stub("mineral").awaitSubscribers(1);
        gateway.stub("mineral").closeSubscriptions(1008, "Authentication expired");
        events.awaitFailure(WAIT);
        assertInstanceOf(UpstreamAuthenticationException.class, events.getFailure());
    }

    @Test
    void aServiceDroppingItsStreamEndsItWithSubgraphUnavailable() {
        AssertSubscriber<Map<String, Object>> events = gateway.stream(
                "subscription { alerts { id } }", Map.of(), "Bearer t")
                .results().subscribe().withSubscriber(AssertSubscriber.create(10));
        gateway.stub("mineral").awaitSubscribers(1);
        gateway.stub("agreement").awaitSubscribers(1);
        gateway.stub("mineral").closeSubscriptions(1011, "going away");
        events.awaitItems(1, WAIT);
        Map<String, Object> last = events.getItems().get(0);
        assertEquals("SUBGRAPH_UNAVAILABLE", at(last, "errors", 0, "extensions", "code"));
        assertEquals("mineral", at(last, "errors", 0, "extensions", "serviceName"));
        assertEquals(List.of("alerts"), at(last, "errors", 0, "path"));
        // agreement-service's stream goes on
        gateway.stub("agreement").emit(COMMITMENT_EVENT);
        events.awaitItems(2, WAIT);
        assertEquals("cm-9", at(events.getItems().get(1), "data", "alerts", "id"));
        events.cancel();
        awaitNoSubscribers("agreement");
    }

    @Test
    void aSubscriptionInOneHttpResponseIsRefused() {
        Map<String, Object> body = gateway.run("subscription { alerts { id } }");
        assertEquals("BAD_USER_INPUT", at(body, "errors", 0, "extensions", "code"));
        assertTrue(String.valueOf(at(body, "errors", 0, "message")).contains("text/event-stream"));
    }

    private static String compact(String document) {
        return document.replaceAll("\\s+", "");
    }

    private static void awaitNoSubscribers(String stub) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!gateway.stub(stub).subscribers().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(stub + " still has subscribers: the gateway did not complete upstream");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
