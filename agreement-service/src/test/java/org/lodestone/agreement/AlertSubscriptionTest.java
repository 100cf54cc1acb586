package org.lodestone.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.agreement.api.NewAgreementCommand;
import org.lodestone.agreement.service.AgreementChangeService;
import org.lodestone.support.outbox.OutboxFeed;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.GraphQLWsClient;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The alerts subscription over graphql-transport-ws: agreement changes reach whom the agreement is visible to. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AlertSubscriptionTest {

    private static final String SUBSCRIBE = """
            subscription Alerts($kinds: [AlertKind!], $countries: [String!]) {
              agreementAlerts(kinds: $kinds, countries: $countries) {
                __typename id kind countries
                ... on AgreementAlert { agreement { id title } agreementStatus version }
                ... on CommitmentAlert { commitment { id agreement { id } } fulfilledPct }
              }
            }""";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    OutboxFeed feed;

    @Inject
    AgreementChangeService agreements;

    @BeforeEach
    void listening() throws InterruptedException {
        assertTrue(feed.awaitListening(Duration.ofSeconds(10)), "the outbox feed listens");
    }

    @Test
    void aPartiesAgreementsUpdateReachesAPartyAndNotANonParty() {
        String id = Fixtures.agreement("sub-parties", "PARTIES", "SIGNED", List.of("JP", "AU"), List.of("gallium"),
                "2026-01-10");
        try (GraphQLWsClient jp = subscribed(TestTokens.member("JP"), Map.of());
                GraphQLWsClient de = subscribed(TestTokens.member("DE"), Map.of("countries", List.of("JP", "AU")))) {
            GraphQL.ok(TestTokens.admin(), AgreementChangesTest.UPDATE,
                    Map.of("id", id, "v", 0, "input", Map.of("title", "Renamed for subscribers")))
                    .body("errors", Matchers.nullValue());
            Map<String, Object> alert = alert(jp.next(GraphQLWsClient.ARRIVES));
            assertEquals("AgreementAlert", alert.get("__typename"));
            assertEquals("AGREEMENT_UPDATED", alert.get("kind"));
            assertEquals(Map.of("id", id, "title", "Renamed for subscribers"), alert.get("agreement"));
            assertEquals(1, alert.get("version"));
            assertNull(de.next(GraphQLWsClient.QUIET), "DE is no party to a PARTIES agreement");
        }
    }

    @Test
    void reportedProgressReachesTheCoalitionWithItsCommitment() {
        String id = Fixtures.agreement("sub-progress", "COALITION", "IN_FORCE", List.of("JP", "US"),
                List.of("gallium"), "2026-01-01");
        String commitment = Fixtures.commitment(id, "JP", 1000.0, "USD", "2030-12-31");
        try (GraphQLWsClient us = subscribed(TestTokens.member("US"), Map.of("kinds", List.of("PROGRESS_REPORTED")));
                GraphQLWsClient exportControlsOnly = subscribed(TestTokens.member("JP"),
                        Map.of("kinds", List.of("EXPORT_CONTROL_RECORDED")))) {
            GraphQL.ok(TestTokens.member("JP"), AgreementChangesTest.REPORT, Map.of("id", commitment,
                    "input", Map.of("amount", 250.0, "asOf", "2026-06-30"))).body("errors", Matchers.nullValue());
            Map<String, Object> alert = alert(us.next(GraphQLWsClient.ARRIVES));
            assertEquals("CommitmentAlert", alert.get("__typename"));
            assertEquals(Map.of("id", commitment, "agreement", Map.of("id", id)), alert.get("commitment"));
            assertEquals(25.0, ((Number) alert.get("fulfilledPct")).doubleValue());
            assertNull(exportControlsOnly.next(GraphQLWsClient.QUIET), "another kind was asked for");
        }
    }

    @Test
    @TestSecurity(user = "coalition-admin", roles = "admin")
    void aRolledBackChangeEmitsNothing() {
        try (GraphQLWsClient admin = subscribed(TestTokens.admin(), Map.of("kinds", List.of("AGREEMENT_CREATED")))) {
            String rolledBack = Fixtures.newId("sub-rollback");
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                agreements.create(command(rolledBack));
                throw new IllegalStateException("something after the change fails");
            }));
            String committed = Fixtures.newId("sub-committed");
            QuarkusTransaction.requiringNew().run(() -> agreements.create(command(committed)));
            assertEquals(committed, ((Map<?, ?>) alert(admin.next(GraphQLWsClient.ARRIVES)).get("agreement")).get("id"),
                    "the first event is the committed change");
            assertNull(admin.next(GraphQLWsClient.QUIET));
        }
    }

    @Test
    void theSubscriptionEndsWhenTheTokenExpires() {
        try (GraphQLWsClient jp = subscribed(TestTokens.memberExpiringIn("JP", Duration.ofSeconds(3)), Map.of())) {
            jp.assertClosedForExpiredToken(Duration.ofSeconds(10));
        }
    }

    private static NewAgreementCommand command(String id) {
        return new NewAgreementCommand(id, "Subscribed " + id, "MOU", List.of("JP", "AU"), List.of("gallium"),
                LocalDate.parse("2026-01-10"), AgreementStatus.SIGNED, Visibility.PUBLIC, null,
                "Lodestone test fixture, 2026");
    }

    private GraphQLWsClient subscribed(String token, Map<String, Object> variables) {
        return GraphQLWsClient.subscribed(graphql, token, SUBSCRIBE, variables, GraphQLWsClient.ARRIVES);
    }

    private static Map<String, Object> alert(Map<String, Object> message) {
        return GraphQLWsClient.nextData(message, "agreementAlerts");
    }
}
