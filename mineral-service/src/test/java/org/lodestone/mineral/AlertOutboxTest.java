package org.lodestone.mineral;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.lodestone.mineral.service.ExportControlService;
import org.lodestone.mineral.api.NewExportControl;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Export-control alerts are written to the outbox with the change, and replayed to whom they concern. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@Order(7)
class AlertOutboxTest {

    private static final String RECORD = """
            mutation Record($input: NewExportControl!) { recordExportControl(input: $input) { id } }""";

    private static final String REPLAY = """
            query Replay($since: DateTime, $kinds: [AlertKind], $countries: [String]) {
              exportControlAlerts(since: $since, kinds: $kinds, countries: $countries) {
                id kind occurredAt countries
                exportControl { id measure } imposingCountry { code } minerals { id } hitMembers { code }
                suspension { id }
              }
            }""";

    @Inject
    ExportControlService controls;

    @Inject
    ExportControlRepository exportControls;

    @Inject
    OutboxEventRepository outbox;

    @Test
    void aRecordedControlIsReplayedToTheMembersItHitsOnly() {
        String since = OffsetDateTime.now(ZoneOffset.UTC).toString();
        GraphQL.ok(TestTokens.analyst(), RECORD, Map.of("input", Map.of("id", "EC-2031-ALERT-JP",
                "imposingCountry", "CN", "minerals", List.of("gallium", "germanium"), "targets", List.of("JP", "BR"),
                "measure", "ban", "effectiveOn", "2031-01-15", "source", "Alert test fixture")))
                .body("errors", nullValue());

        GraphQL.ok(TestTokens.member("JP"), REPLAY, Map.of("since", since))
                .body("data.exportControlAlerts", hasSize(1))
                .body("data.exportControlAlerts[0].kind", is("EXPORT_CONTROL_RECORDED"))
                .body("data.exportControlAlerts[0].exportControl.id", is("EC-2031-ALERT-JP"))
                .body("data.exportControlAlerts[0].minerals.id", contains("gallium", "germanium"))
                // BR is a target but no coalition member: not hit
                .body("data.exportControlAlerts[0].hitMembers.code", contains("JP"))
                .body("data.exportControlAlerts[0].countries", contains("CN", "JP"));
        // a member not hit sees nothing by default, but the data is public: asked for JP, it is there
        GraphQL.ok(TestTokens.member("DE"), REPLAY, Map.of("since", since))
                .body("data.exportControlAlerts", empty());
        GraphQL.ok(TestTokens.member("DE"), REPLAY, Map.of("since", since, "countries", List.of("JP")))
                .body("data.exportControlAlerts", hasSize(1));
        GraphQL.ok(TestTokens.analyst(), REPLAY, Map.of("since", since, "kinds", List.of("EXPORT_CONTROL_SUSPENDED")))
                .body("data.exportControlAlerts", empty());
    }

    @Test
    void aSuspensionAlertsAboutTheSuspendedControl() {
        String since = OffsetDateTime.now(ZoneOffset.UTC).toString();
        GraphQL.ok(TestTokens.analyst(), RECORD, Map.of("input", Map.of("id", "EC-2032-ALERT-ALL",
                "imposingCountry", "CN", "minerals", List.of("graphite"), "targetsAll", true,
                "measure", "licence", "effectiveOn", "2032-01-01", "source", "Alert test fixture")))
                .body("errors", nullValue());
        GraphQL.ok(TestTokens.admin(), RECORD, Map.of("input", Map.of("id", "EC-2032-ALERT-ALL-S",
                "imposingCountry", "CN", "minerals", List.of("graphite"), "targetsAll", true, "measure", "suspension",
                "suspends", "EC-2032-ALERT-ALL", "effectiveOn", "2032-03-01", "source", "Alert test fixture")))
                .body("errors", nullValue());
        GraphQL.ok(TestTokens.member("KR"), REPLAY, Map.of("since", since))
                .body("data.exportControlAlerts.kind", contains("EXPORT_CONTROL_RECORDED", "EXPORT_CONTROL_SUSPENDED"))
                .body("data.exportControlAlerts[1].exportControl.id", is("EC-2032-ALERT-ALL"))
                .body("data.exportControlAlerts[1].suspension.id", is("EC-2032-ALERT-ALL-S"))
                // all destinations: every coalition member but the imposing country is hit
                .body("data.exportControlAlerts[1].hitMembers.code", hasSize(12))
                .body("data.exportControlAlerts[1].hitMembers.code", not(org.hamcrest.Matchers.hasItem("CN")));
    }

    @Test
    void aRolledBackChangeLeavesNoAlertAndACommittedOneNotifiesListeners() throws SQLException {
        // a connection of its own, as a listener on another replica would have
        Config config = ConfigProvider.getConfig();
        try (Connection listener = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                Statement listen = listener.createStatement()) {
            listen.execute("LISTEN lodestone_outbox");
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                controls.record(control("EC-2033-ROLLED-BACK"), "coalition-analyst");
                throw new IllegalStateException("something after the change fails");
            }));
            assertNull(QuarkusTransaction.requiringNew().call(() -> exportControls.findById("EC-2033-ROLLED-BACK")));
            assertEquals(0L, count("EC-2033-ROLLED-BACK"));
            assertEquals(List.of(), notifications(listener, 300));

            QuarkusTransaction.requiringNew().run(() -> controls.record(control("EC-2033-COMMITTED"), "coalition-analyst"));
            assertEquals(1L, count("EC-2033-COMMITTED"));
            String id = QuarkusTransaction.requiringNew().call(() -> outbox.find("entityId",
                    "EC-2033-COMMITTED").firstResult().id.toString());
            assertEquals(List.of(id), notifications(listener, 2000));
        }
    }

    private long count(String entityId) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.count("entityId", entityId));
    }

    private static NewExportControl control(String id) {
        return new NewExportControl(id, "CN", List.of("antimony"), List.of("US"), false, "ban", null, "2033-01-01",
                null, null, null, "Alert test fixture", null);
    }

    private static List<String> notifications(Connection connection, int waitMillis) throws SQLException {
        PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications(waitMillis);
        List<String> ids = new ArrayList<>();
        if (received != null) {
            for (PGNotification n : received) {
                ids.add(n.getParameter());
            }
        }
        return ids;
    }
}
