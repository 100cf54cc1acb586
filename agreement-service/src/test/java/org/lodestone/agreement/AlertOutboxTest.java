package org.lodestone.agreement;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.lodestone.agreement.api.NewAgreementCommand;
import org.lodestone.agreement.service.AgreementChangeService;
import org.lodestone.agreement.service.CommitmentAlertEvaluation;
import org.lodestone.support.alert.AlertKind;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Agreement and commitment alerts: written with the change, replayed by visibility, evaluated once per cluster. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AlertOutboxTest {

    private static final String REPLAY = """
            query Replay($since: DateTime, $kinds: [AlertKind], $countries: [String]) {
              agreementAlerts(since: $since, kinds: $kinds, countries: $countries) {
                __typename id kind occurredAt countries
                ... on AgreementAlert { agreement { id title } agreementStatus previousStatus version reason }
                ... on CommitmentAlert { commitment { id agreement { id } } commitmentStatus fulfilledPct }
              }
            }""";

    private static final String CHANGE_STATUS = """
            mutation Status($id: ID!, $v: Int!) {
              changeAgreementStatus(id: $id, expectedVersion: $v, status: IN_FORCE, reason: "ratified") { version }
            }""";

    @Inject
    EntityManager em;

    @Inject
    AgreementChangeService agreements;

    @Inject
    AgreementRepository agreementRows;

    @Inject
    CommitmentAlertEvaluation evaluation;

    private static String since() {
        return OffsetDateTime.now(ZoneOffset.UTC).toString();
    }

    @Test
    void aPartiesAgreementsAlertsReachItsPartiesAndAdminsOnly() {
        String since = since();
        String id = Fixtures.agreement("alert-parties", "PARTIES", "SIGNED", List.of("JP", "AU"), List.of("gallium"),
                "2026-01-10");
        GraphQL.ok(TestTokens.admin(), CHANGE_STATUS, Map.of("id", id, "v", 0)).body("errors", nullValue());
        String ofThisAgreement = "data.agreementAlerts.findAll { it.agreement?.id == '%s' || it.commitment?.agreement?.id == '%s' }"
                .formatted(id, id);

        GraphQL.ok(TestTokens.member("JP"), REPLAY, Map.of("since", since))
                .body("errors", nullValue())
                .body(ofThisAgreement + ".kind", contains("AGREEMENT_CREATED", "AGREEMENT_STATUS_CHANGED"))
                .body(ofThisAgreement + ".__typename", everyItem(is("AgreementAlert")))
                .body(ofThisAgreement + "[1].agreement.title", is("Test agreement " + id))
                .body(ofThisAgreement + "[1].previousStatus", is("SIGNED"))
                .body(ofThisAgreement + "[1].agreementStatus", is("IN_FORCE"))
                .body(ofThisAgreement + "[1].reason", is("ratified"))
                .body(ofThisAgreement + "[1].countries", contains("JP", "AU"));
        GraphQL.ok(TestTokens.member("AU"), REPLAY, Map.of("since", since))
                .body(ofThisAgreement + ".kind", contains("AGREEMENT_CREATED", "AGREEMENT_STATUS_CHANGED"));
        // not a party: nothing, even when asking for the parties' countries
        GraphQL.ok(TestTokens.member("DE"), REPLAY, Map.of("since", since, "countries", List.of("JP", "AU")))
                .body("errors", nullValue()).body(ofThisAgreement, empty());
        GraphQL.ok(TestTokens.analyst(), REPLAY, Map.of("since", since))
                .body("errors", nullValue()).body(ofThisAgreement, empty());
        GraphQL.ok(TestTokens.admin(), REPLAY, Map.of("since", since, "kinds", List.of("AGREEMENT_STATUS_CHANGED")))
                .body(ofThisAgreement + ".kind", contains("AGREEMENT_STATUS_CHANGED"));
    }

    @Test
    void reportedProgressIsACommitmentAlertForTheParties() {
        String id = Fixtures.agreement("alert-progress", "COALITION", "IN_FORCE", List.of("JP", "US"),
                List.of("gallium"), "2026-01-01");
        String commitment = Fixtures.commitment(id, "JP", 1000.0, "USD", "2030-12-31");
        String since = since();
        GraphQL.ok(TestTokens.member("JP"), AgreementChangesTest.REPORT, Map.of("id", commitment,
                "input", Map.of("amount", 500.0, "asOf", "2026-06-30"))).body("errors", nullValue());
        String ofThisCommitment = "data.agreementAlerts.findAll { it.commitment?.id == '%s' }".formatted(commitment);
        GraphQL.ok(TestTokens.member("US"), REPLAY, Map.of("since", since))
                .body(ofThisCommitment + ".kind", contains("PROGRESS_REPORTED"))
                .body(ofThisCommitment + "[0].__typename", is("CommitmentAlert"))
                .body(ofThisCommitment + "[0].commitment.agreement.id", is(id))
                .body(ofThisCommitment + "[0].fulfilledPct", is(50.0f));
        // COALITION: a coalition member that is no party sees it when asking for the parties' countries
        GraphQL.ok(TestTokens.member("DE"), REPLAY, Map.of("since", since, "countries", List.of("JP")))
                .body(ofThisCommitment + ".kind", contains("PROGRESS_REPORTED"));
        GraphQL.ok(TestTokens.member("DE"), REPLAY, Map.of("since", since)).body(ofThisCommitment, empty());
    }

    @Test
    @TestSecurity(user = "coalition-admin", roles = "admin")
    void aRolledBackChangeLeavesNoAlert() {
        String id = Fixtures.newId("alert-rollback");
        NewAgreementCommand command = new NewAgreementCommand(id, "Rolled back", "MOU", List.of("JP", "AU"),
                List.of("gallium"), LocalDate.parse("2026-01-10"), AgreementStatus.SIGNED, Visibility.PUBLIC, null,
                "Lodestone test fixture, 2026");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            agreements.create(command);
            assertEquals(1L, outboxEvents(id, null), "written inside the transaction");
            throw new IllegalStateException("something after the change fails");
        }));
        QuarkusTransaction.requiringNew().run(() -> {
            assertNull(agreementRows.findById(id));
            assertEquals(0L, outboxEvents(id, null));
        });
        QuarkusTransaction.requiringNew().run(() -> agreements.create(command));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> outboxEvents(id, null)));
    }

    @Test
    void theOverdueEvaluationAlertsOnceEvenWhenTwoEvaluatorsRace() throws Exception {
        String id = Fixtures.agreement("alert-overdue", "PARTIES", "IN_FORCE", List.of("JP", "AU"),
                List.of("gallium"), "2020-01-01");
        String commitment = Fixtures.commitment(id, "AU", 1000.0, "USD", "2021-06-30");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CommitmentAlertEvaluation.Outcome>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return evaluation.evaluate();
                }));
            }
            start.countDown();
            List<CommitmentAlertEvaluation.Outcome> outcomes = new ArrayList<>();
            for (Future<CommitmentAlertEvaluation.Outcome> run : runs) {
                outcomes.add(run.get());
            }
            assertTrue(outcomes.stream().anyMatch(CommitmentAlertEvaluation.Outcome::ran), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        // a later day's run finds nothing new for it
        assertTrue(evaluation.evaluate().ran());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> outboxEvents(commitment,
                AlertKind.COMMITMENT_OVERDUE)));
        GraphQL.ok(TestTokens.member("AU"), REPLAY, Map.of("kinds", List.of("COMMITMENT_OVERDUE")))
                .body("data.agreementAlerts.commitment.id", hasItem(commitment));
        GraphQL.ok(TestTokens.member("DE"), REPLAY, Map.of("kinds", List.of("COMMITMENT_OVERDUE"),
                "countries", List.of("AU"))).body("data.agreementAlerts.commitment.id", everyItem(
                        org.hamcrest.Matchers.not(is(commitment))));
    }

    /** Outbox events about one entity, of one kind (any when null), in the current transaction. */
    private long outboxEvents(String entityId, AlertKind kind) {
        return em.createQuery("select e.kind from OutboxEvent e where e.entityId = :id", AlertKind.class)
                .setParameter("id", entityId).getResultStream().filter(k -> kind == null || k == kind).count();
    }
}
