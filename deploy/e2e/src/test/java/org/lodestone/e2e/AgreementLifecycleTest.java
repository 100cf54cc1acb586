package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.e2e.RunningStack.step;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An admin creates a US-JP agreement with one commitment per party and brings it into force; Japan reports
 * progress on its own commitment and is refused on the US one; a stale version conflicts; the history shows it all.
 */
@Order(2)
@ExtendWith(RunningStack.class)
class AgreementLifecycleTest {

    private static final String CREATE = """
            mutation Create($input: NewAgreement!) {
              createAgreement(input: $input) { id status version }
            }
            """;
    private static final String ADD_COMMITMENT = """
            mutation Add($agreementId: ID!, $input: NewCommitment!) {
              addCommitment(agreementId: $agreementId, input: $input) { id obligor { code } status }
            }
            """;
    private static final String CHANGE_STATUS = """
            mutation Move($id: ID!, $expectedVersion: Int!, $status: AgreementStatus!) {
              changeAgreementStatus(id: $id, expectedVersion: $expectedVersion, status: $status, reason: "e2e") {
                id status version
              }
            }
            """;
    private static final String REPORT = """
            mutation Report($commitmentId: ID!, $input: ProgressInput!) {
              reportProgress(commitmentId: $commitmentId, input: $input) {
                id status fulfilledPct progress { reportedQuantity asOf note }
              }
            }
            """;
    private static final String UPDATE = """
            mutation Update($id: ID!, $expectedVersion: Int!, $input: AgreementPatch!) {
              updateAgreement(id: $id, expectedVersion: $expectedVersion, input: $input) { id summary version }
            }
            """;
    private static final String HISTORY = """
            query History($id: ID!) {
              agreement(id: $id) {
                id status version
                commitments { id obligor { code } progress { reportedQuantity } }
                history { entity entityId operation subject occurredAt }
              }
            }
            """;

    @Test
    void adminBringsAnAgreementIntoForceAndMembersReportOnlyOnTheirOwnCommitments() {
        Graphql graphql = RunningStack.graphql();
        Keycloak keycloak = RunningStack.keycloak();
        String admin = keycloak.token("coalition-admin");

        step("coalition-admin creates a PARTIES agreement US-JP (DRAFT)");
        Graphql.Result created = graphql.call(admin, CREATE, Map.of("input", RolesSeeWhatTheDesignSaysTest.newAgreement(
                "E2E lifecycle US-JP " + System.nanoTime(), "PARTIES", List.of("US", "JP")))).withoutErrors();
        String id = created.get("data.createAgreement.id");
        int version = created.<Integer>get("data.createAgreement.version");
        step("  -> " + id + " " + created.get("data.createAgreement.status") + " version " + version);

        step("coalition-admin adds a commitment for JP (offtake 1000 t lithium) and one for the US (US$ 50m investment)");
        String due = LocalDate.now().plusYears(2).toString();
        String japanCommitment = graphql.call(admin, ADD_COMMITMENT, Map.of("agreementId", id, "input", Map.of(
                "obligor", "JP", "kind", "offtake", "description", "Japan buys 1000 t of lithium", "mineral", "lithium",
                "targetQuantity", 1000.0, "unit", "t", "dueOn", due))).withoutErrors()
                .get("data.addCommitment.id");
        String usCommitment = graphql.call(admin, ADD_COMMITMENT, Map.of("agreementId", id, "input", Map.of(
                "obligor", "US", "kind", "investment", "description", "US invests US$ 50m in graphite processing",
                "mineral", "graphite", "targetAmount", 50_000_000.0, "currency", "USD", "dueOn", due))).withoutErrors()
                .get("data.addCommitment.id");
        assertNotNull(japanCommitment);
        assertNotNull(usCommitment);
        version = currentVersion(graphql, admin, id);

        for (String status : List.of("NEGOTIATING", "SIGNED", "IN_FORCE")) {
            Graphql.Result moved = graphql.call(admin, CHANGE_STATUS,
                    Map.of("id", id, "expectedVersion", version, "status", status)).withoutErrors();
            assertEquals(status, moved.get("data.changeAgreementStatus.status"));
            int next = moved.<Integer>get("data.changeAgreementStatus.version");
            step("  status -> " + status + " (version " + version + " -> " + next + ")");
            assertTrue(next > version, "each change increments the version");
            version = next;
        }

        step("coalition-admin tries DRAFT again from IN_FORCE: refused (BAD_USER_INPUT)");
        Graphql.Result illegal = graphql.call(admin, CHANGE_STATUS,
                Map.of("id", id, "expectedVersion", version, "status", "DRAFT"));
        assertEquals("BAD_USER_INPUT", illegal.firstErrorCode(), illegal.body());

        step("coalition-admin updates with a stale expectedVersion (" + (version - 1) + "): VERSION_CONFLICT");
        Graphql.Result stale = graphql.call(admin, UPDATE,
                Map.of("id", id, "expectedVersion", version - 1, "input", Map.of("summary", "stale edit")));
        assertEquals("VERSION_CONFLICT", stale.firstErrorCode(), stale.body());
        assertEquals(version, currentVersion(graphql, admin, id), "a conflicting update changes nothing");

        step("coalition-admin updates with the current version: accepted");
        Graphql.Result updated = graphql.call(admin, UPDATE,
                Map.of("id", id, "expectedVersion", version, "input", Map.of("summary", "updated by e2e"))).withoutErrors();
        assertEquals("updated by e2e", updated.get("data.updateAgreement.summary"));

        step("jp-member reports 250 t on Japan's commitment: accepted");
        String japan = keycloak.token("jp-member");
        Graphql.Result reported = graphql.call(japan, REPORT, Map.of("commitmentId", japanCommitment, "input",
                Map.of("quantity", 250.0, "asOf", LocalDate.now().toString(), "note", "first shipment (e2e)")))
                .withoutErrors();
        step("  -> status " + reported.get("data.reportProgress.status") + ", fulfilled "
                + reported.get("data.reportProgress.fulfilledPct") + " %");
        assertEquals(1, reported.<List<?>>get("data.reportProgress.progress").size());

        step("jp-member reports on the US commitment: FORBIDDEN");
        Graphql.Result refused = graphql.call(japan, REPORT, Map.of("commitmentId", usCommitment, "input",
                Map.of("amount", 1.0, "asOf", LocalDate.now().toString())));
        assertEquals("FORBIDDEN", refused.firstErrorCode(), refused.body());

        step("us-member reports on the US commitment: accepted");
        graphql.call(keycloak.token("us-member"), REPORT, Map.of("commitmentId", usCommitment, "input",
                Map.of("amount", 10_000_000.0, "asOf", LocalDate.now().toString()))).withoutErrors();

        step("coalition-admin reads the history");
        Graphql.Result history = graphql.call(admin, HISTORY, Map.of("id", id)).withoutErrors();
        List<Map<String, Object>> events = history.get("data.agreement.history");
        events.forEach(e -> step("  " + e.get("occurredAt") + " " + e.get("operation") + " " + e.get("entity") + " "
                + e.get("entityId") + " by " + e.get("subject")));
        List<String> operations = events.stream().map(e -> String.valueOf(e.get("operation"))).toList();
        // create + 3 status moves + 1 accepted update at least (commitments and progress may add theirs);
        // the refused changes left no trace
        assertTrue(events.size() >= 5, "expected at least 5 audit events, got " + operations);
        long statusChanges = operations.stream().filter(o -> o.toUpperCase().contains("STATUS")).count();
        assertEquals(3, statusChanges, "three accepted status changes, the refused one not recorded: " + operations);
        assertTrue(operations.stream().anyMatch(o -> o.toUpperCase().contains("CREATE")), operations.toString());
        assertTrue(operations.stream().anyMatch(o -> o.toUpperCase().contains("UPDATE")), operations.toString());
        assertEquals(1, operations.stream().filter(o -> o.toUpperCase().contains("UPDATE")).count(),
                "the stale update left no audit event: " + operations);

        step("jp-member (a party) sees the agreement but not its history (admins only)");
        Graphql.Result memberView = graphql.call(japan, HISTORY, Map.of("id", id));
        List<?> memberHistory = memberView.get("data.agreement.history");
        assertTrue(!memberView.errors().isEmpty() || memberHistory == null || memberHistory.isEmpty(),
                "a member must not read the audit history: " + memberView.body());
    }

    private static int currentVersion(Graphql graphql, String token, String id) {
        return graphql.call(token, "query V($id: ID!) { agreement(id: $id) { version } }", Map.of("id", id))
                .withoutErrors().<Integer>get("data.agreement.version");
    }
}
