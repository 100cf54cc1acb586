package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.e2e.RunningStack.step;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Alerts replayed through the gateway with real tokens: an export control an analyst records against Japan reaches
 * jp-member and not de-member; a PARTIES agreement's changes reach its parties and not others; entity fields of the
 * alerts resolve across subgraphs (country names from country-service, agreement titles from agreement-service).
 */
@Order(6)
@ExtendWith(RunningStack.class)
class AlertReplayTest {

    private static final String RECORD = """
            mutation Record($input: NewExportControl!) { recordExportControl(input: $input) { id } }
            """;
    private static final String EXPORT_CONTROL_ALERTS = """
            query Alerts($since: DateTime) {
              exportControlAlerts(since: $since) {
                id kind occurredAt
                exportControl { id measure minerals { name } }
                hitMembers { code name }
              }
            }
            """;
    private static final String CREATE = """
            mutation Create($input: NewAgreement!) { createAgreement(input: $input) { id version } }
            """;
    private static final String ADD_COMMITMENT = """
            mutation Add($agreementId: ID!, $input: NewCommitment!) { addCommitment(agreementId: $agreementId, input: $input) { id } }
            """;
    private static final String UPDATE = """
            mutation Update($id: ID!, $v: Int!, $input: AgreementPatch!) {
              updateAgreement(id: $id, expectedVersion: $v, input: $input) { version }
            }
            """;
    private static final String REPORT = """
            mutation Report($id: ID!, $input: ProgressInput!) { reportProgress(commitmentId: $id, input: $input) { id } }
            """;
    private static final String AGREEMENT_ALERTS = """
            query Alerts($since: DateTime) {
              agreementAlerts(since: $since) {
                __typename id kind
                ... on AgreementAlert { agreement { id title } agreementStatus version }
                ... on CommitmentAlert { commitment { id obligor { name } agreement { id title } } fulfilledPct }
              }
            }
            """;

    @Test
    void anExportControlAgainstJapanIsReplayedToJapanOnly() {
        Graphql graphql = RunningStack.graphql();
        Keycloak keycloak = RunningStack.keycloak();
        String since = OffsetDateTime.now(ZoneOffset.UTC).toString();
        String id = "EC-2031-E2E-JP-" + (System.nanoTime() % 100000);

        step("coalition-analyst records " + id + ": CN bans gallium and germanium to JP");
        graphql.call(keycloak.token("coalition-analyst"), RECORD, Map.of("input", Map.of("id", id,
                "imposingCountry", "CN", "minerals", List.of("gallium", "germanium"), "targets", List.of("JP"),
                "measure", "ban", "effectiveOn", "2031-01-15", "source", "Lodestone end-to-end test"))).withoutErrors();

        Graphql.Result japan = graphql.call(keycloak.token("jp-member"), EXPORT_CONTROL_ALERTS, Map.of("since", since))
                .withoutErrors();
        List<Map<String, Object>> alerts = japan.get("data.exportControlAlerts");
        step("jp-member replays: " + japan.body());
        Map<String, Object> alert = alerts.stream()
                .filter(a -> id.equals(((Map<?, ?>) a.get("exportControl")).get("id"))).findFirst().orElseThrow();
        assertEquals("EXPORT_CONTROL_RECORDED", alert.get("kind"));
        assertEquals(List.of(Map.of("code", "JP", "name", "Japan")), alert.get("hitMembers"));
        assertEquals(List.of(Map.of("name", "Gallium"), Map.of("name", "Germanium")),
                ((Map<?, ?>) alert.get("exportControl")).get("minerals"));

        Graphql.Result germany = graphql.call(keycloak.token("de-member"), EXPORT_CONTROL_ALERTS,
                Map.of("since", since)).withoutErrors();
        List<Map<String, Object>> forGermany = germany.get("data.exportControlAlerts");
        assertFalse(forGermany.stream().anyMatch(a -> id.equals(((Map<?, ?>) a.get("exportControl")).get("id"))),
                germany.body());
    }

    @Test
    void aPartiesAgreementsChangesReachItsPartiesOnly() {
        Graphql graphql = RunningStack.graphql();
        Keycloak keycloak = RunningStack.keycloak();
        String admin = keycloak.token("coalition-admin");
        String since = OffsetDateTime.now(ZoneOffset.UTC).toString();
        String title = "E2E alerts US-JP " + System.nanoTime();

        step("coalition-admin creates and updates a PARTIES agreement US-JP; jp-member reports progress on it");
        Graphql.Result created = graphql.call(admin, CREATE, Map.of("input",
                RolesSeeWhatTheDesignSaysTest.newAgreement(title, "PARTIES", List.of("US", "JP")))).withoutErrors();
        String id = created.get("data.createAgreement.id");
        String commitment = graphql.call(admin, ADD_COMMITMENT, Map.of("agreementId", id, "input", Map.of(
                "obligor", "JP", "kind", "offtake", "description", "Japan buys 100 t of lithium", "mineral", "lithium",
                "targetQuantity", 100.0, "unit", "t", "dueOn", LocalDate.now().plusYears(1).toString())))
                .withoutErrors().get("data.addCommitment.id");
        int version = graphql.call(admin, "query($id: ID!) { agreement(id: $id) { version } }", Map.of("id", id))
                .withoutErrors().<Integer>get("data.agreement.version");
        graphql.call(admin, UPDATE, Map.of("id", id, "v", version, "input", Map.of("summary", "updated (e2e alerts)")))
                .withoutErrors();
        graphql.call(keycloak.token("jp-member"), REPORT, Map.of("id", commitment, "input",
                Map.of("quantity", 25.0, "asOf", LocalDate.now().toString()))).withoutErrors();

        for (String party : List.of("jp-member", "us-member")) {
            Graphql.Result replay = graphql.call(keycloak.token(party), AGREEMENT_ALERTS, Map.of("since", since))
                    .withoutErrors();
            step(party + " replays: " + replay.body());
            List<Map<String, Object>> alerts = replay.get("data.agreementAlerts");
            List<String> kinds = alerts.stream().filter(a -> mentions(a, id)).map(a -> (String) a.get("kind")).toList();
            assertEquals(List.of("AGREEMENT_CREATED", "AGREEMENT_UPDATED", "PROGRESS_REPORTED"), kinds, party);
            Map<String, Object> progress = alerts.stream().filter(a -> "PROGRESS_REPORTED".equals(a.get("kind"))
                    && mentions(a, id)).findFirst().orElseThrow();
            Map<?, ?> reported = (Map<?, ?>) progress.get("commitment");
            assertEquals(Map.of("name", "Japan"), reported.get("obligor"));
            assertEquals(Map.of("id", id, "title", title), reported.get("agreement"));
        }
        for (String other : List.of("de-member", "coalition-analyst")) {
            Graphql.Result replay = graphql.call(keycloak.token(other), AGREEMENT_ALERTS, Map.of("since", since))
                    .withoutErrors();
            List<Map<String, Object>> alerts = replay.get("data.agreementAlerts");
            assertTrue(alerts.stream().noneMatch(a -> mentions(a, id)), other + ": " + replay.body());
        }
    }

    /** The alert is about the agreement, or about one of its commitments. */
    private static boolean mentions(Map<String, Object> alert, String agreementId) {
        Object about = alert.get("agreement");
        if (alert.get("commitment") instanceof Map<?, ?> commitment) {
            about = commitment.get("agreement");
        }
        return about instanceof Map<?, ?> agreement && agreementId.equals(agreement.get("id"));
    }
}
