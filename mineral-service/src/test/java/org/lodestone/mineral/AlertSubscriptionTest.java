package org.lodestone.mineral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.mineral.api.NewExportControl;
import org.lodestone.mineral.service.ExportControlService;
import org.lodestone.support.outbox.OutboxFeed;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.GraphQLWsClient;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The alerts subscription over graphql-transport-ws: committed export controls reach whom they concern, live. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AlertSubscriptionTest {

    static final String SUBSCRIBE = """
            subscription Alerts($kinds: [AlertKind!], $countries: [String!]) {
              exportControlAlerts(kinds: $kinds, countries: $countries) {
                __typename id kind countries
                ... on ExportControlAlert { exportControl { id } minerals { id } hitMembers { code }
                  control: exportControl { minerals { id } } }
              }
            }""";

    private static final String RECORD = """
            mutation Record($input: NewExportControl!) { recordExportControl(input: $input) { id } }""";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    OutboxFeed feed;

    @Inject
    ExportControlService controls;

    @BeforeEach
    void listening() throws InterruptedException {
        assertTrue(feed.awaitListening(Duration.ofSeconds(10)), "the outbox feed listens");
    }

    @Test
    void aControlReachesTheMemberItHitsAndNotAnotherMember() {
        try (GraphQLWsClient jp = subscribed(TestTokens.member("JP"), Map.of());
                GraphQLWsClient de = subscribed(TestTokens.member("DE"), Map.of())) {
            record("EC-2034-SUB-JP", List.of("JP", "BR"));
            Map<String, Object> alert = alert(jp.next(GraphQLWsClient.ARRIVES));
            assertEquals("ExportControlAlert", alert.get("__typename"));
            assertEquals("EXPORT_CONTROL_RECORDED", alert.get("kind"));
            assertEquals(Map.of("id", "EC-2034-SUB-JP"), alert.get("exportControl"));
            assertEquals(List.of(Map.of("code", "JP")), alert.get("hitMembers"));
            assertEquals(List.of(Map.of("id", "gallium")), alert.get("minerals"));
            // a field resolved in batches below the alert (ExportControl.minerals) works in live events too
            assertEquals(Map.of("minerals", List.of(Map.of("id", "gallium"))), alert.get("control"));

            // DE is not hit: the next thing its stream carries is the control that does hit it
            record("EC-2034-SUB-DE", List.of("DE"));
            assertEquals(Map.of("id", "EC-2034-SUB-DE"), alert(de.next(GraphQLWsClient.ARRIVES)).get("exportControl"));
            assertNull(jp.next(GraphQLWsClient.QUIET), "JP is not hit by the second control");
        }
    }

    @Test
    void kindsAndCountriesFilterTheStream() {
        try (GraphQLWsClient suspended = subscribed(TestTokens.analyst(),
                Map.of("kinds", List.of("EXPORT_CONTROL_SUSPENDED")));
                GraphQLWsClient aboutFrance = subscribed(TestTokens.analyst(), Map.of("countries", List.of("FR")))) {
            record("EC-2034-SUB-IT", List.of("IT"));
            record("EC-2034-SUB-FR", List.of("FR"));
            assertEquals(Map.of("id", "EC-2034-SUB-FR"), alert(aboutFrance.next(GraphQLWsClient.ARRIVES)).get("exportControl"));
            assertNull(suspended.next(GraphQLWsClient.QUIET), "no suspension was recorded");
        }
    }

    @Test
    void aRolledBackChangeEmitsNothing() {
        try (GraphQLWsClient admin = subscribed(TestTokens.admin(), Map.of())) {
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                controls.record(control("EC-2034-SUB-ROLLED-BACK", List.of("US")), "coalition-analyst");
                throw new IllegalStateException("something after the change fails");
            }));
            QuarkusTransaction.requiringNew()
                    .run(() -> controls.record(control("EC-2034-SUB-COMMITTED", List.of("US")), "coalition-analyst"));
            assertEquals(Map.of("id", "EC-2034-SUB-COMMITTED"), alert(admin.next(GraphQLWsClient.ARRIVES)).get("exportControl"),
                    "the first event is the committed change");
            assertNull(admin.next(GraphQLWsClient.QUIET));
        }
    }

    @Test
    void theUpgradeNeedsAValidToken() {
        assertEquals(401, refusedWith(null));
        assertEquals(401, refusedWith(TestTokens.expired()));
        assertEquals(401, refusedWith(TestTokens.forged()));
    }

    @Test
    void theSubscriptionEndsWhenTheTokenExpires() {
        try (GraphQLWsClient jp = subscribed(TestTokens.memberExpiringIn("JP", Duration.ofSeconds(3)), Map.of())) {
            jp.assertClosedForExpiredToken(Duration.ofSeconds(10));
        }
    }

    private GraphQLWsClient subscribed(String token, Map<String, Object> variables) {
        return GraphQLWsClient.subscribed(graphql, token, SUBSCRIBE, variables, GraphQLWsClient.ARRIVES);
    }

    private int refusedWith(String token) {
        CompletionException refused = assertThrows(CompletionException.class, () -> GraphQLWsClient.open(ws(), token));
        assertTrue(refused.getCause() instanceof WebSocketHandshakeException, String.valueOf(refused.getCause()));
        return ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode();
    }

    private URI ws() {
        return URI.create(graphql.toString().replaceFirst("^http", "ws"));
    }

    private static Map<String, Object> alert(Map<String, Object> message) {
        return GraphQLWsClient.nextData(message, "exportControlAlerts");
    }

    private static void record(String id, List<String> targets) {
        GraphQL.ok(TestTokens.analyst(), RECORD, Map.of("input", Map.of("id", id, "imposingCountry", "CN",
                "minerals", List.of("gallium"), "targets", targets, "measure", "ban", "effectiveOn", "2034-01-15",
                "source", "Subscription test fixture"))).body("errors", org.hamcrest.Matchers.nullValue());
    }

    private static NewExportControl control(String id, List<String> targets) {
        return new NewExportControl(id, "CN", List.of("antimony"), targets, false, "ban", null, "2034-01-01",
                null, null, null, "Subscription test fixture", null);
    }
}
