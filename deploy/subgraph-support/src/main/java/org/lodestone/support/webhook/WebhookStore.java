package org.lodestone.support.webhook;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * The webhook tables ({@code webhook}, {@code webhook_delivery}, {@code webhook_attempt}) in the owning service's
 * database, read and written with plain JDBC so that any service can use them with its own migration. Callers decide
 * who may do what; this class only stores.
 */
public class WebhookStore {

    static final String TARGET_COLUMNS = "w.id, w.url, w.kinds, w.countries, w.owner_country, w.created_by, w.created_at";

    private final DataSource dataSource;

    public WebhookStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts a webhook; {@code sealedSecret} is the secret as {@link SecretBox} sealed it (never the plaintext). */
    public WebhookTarget insert(WebhookTarget webhook, String sealedSecret) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO webhook (id, url, kinds, countries, owner_country, created_by, created_at, secret)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, webhook.id());
            insert.setString(2, webhook.url());
            insert.setArray(3, c.createArrayOf("text", webhook.kinds().toArray()));
            insert.setArray(4, c.createArrayOf("text", webhook.countries().toArray()));
            insert.setString(5, webhook.ownerCountry());
            insert.setString(6, webhook.createdBy());
            insert.setObject(7, webhook.createdAt());
            insert.setString(8, sealedSecret);
            insert.executeUpdate();
            return webhook;
        } catch (SQLException e) {
            throw new WebhookStorageException(e);
        }
    }

    public List<WebhookTarget> findAll() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT " + TARGET_COLUMNS + " FROM webhook w ORDER BY w.created_at, w.id");
                ResultSet rows = select.executeQuery()) {
            List<WebhookTarget> found = new ArrayList<>();
            while (rows.next()) {
                found.add(target(rows));
            }
            return found;
        } catch (SQLException e) {
            throw new WebhookStorageException(e);
        }
    }

    public Optional<WebhookTarget> find(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT " + TARGET_COLUMNS + " FROM webhook w WHERE w.id = ?")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(target(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new WebhookStorageException(e);
        }
    }

    /** Deletes the webhook with its deliveries and their attempts; pending deliveries are never sent. */
    public boolean delete(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM webhook WHERE id = ?")) {
            delete.setObject(1, id);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new WebhookStorageException(e);
        }
    }

    /** The webhook's deliveries, newest first, optionally of one state, with their attempts. */
    public List<DeliveryView> deliveries(UUID webhookId, DeliveryState state, int limit) {
        String sql = """
                SELECT id, webhook_id, event_id, event_kind, state, created_at, next_attempt_at, completed_at
                FROM webhook_delivery WHERE webhook_id = ?""" + (state == null ? "" : " AND state = ?")
                + " ORDER BY created_at DESC, id LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            int i = 1;
            select.setObject(i++, webhookId);
            if (state != null) {
                select.setString(i++, state.name());
            }
            select.setInt(i, limit);
            Map<UUID, DeliveryView> byId = new LinkedHashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject("id", UUID.class);
                    byId.put(id, new DeliveryView(id, rows.getObject("webhook_id", UUID.class),
                            rows.getObject("event_id", UUID.class), rows.getString("event_kind"),
                            DeliveryState.valueOf(rows.getString("state")), time(rows, "created_at"),
                            time(rows, "next_attempt_at"), time(rows, "completed_at"), new ArrayList<>()));
                }
            }
            if (byId.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement attempts = c.prepareStatement("""
                    SELECT delivery_id, attempt, attempted_at, http_status, response_excerpt, error, duration_ms
                    FROM webhook_attempt WHERE delivery_id = ANY (?) ORDER BY delivery_id, attempt""")) {
                attempts.setArray(1, c.createArrayOf("uuid", byId.keySet().toArray()));
                try (ResultSet rows = attempts.executeQuery()) {
                    while (rows.next()) {
                        int status = rows.getInt("http_status");
                        Integer httpStatus = rows.wasNull() ? null : status;
                        byId.get(rows.getObject("delivery_id", UUID.class)).attempts().add(new DeliveryView.AttemptView(
                                rows.getInt("attempt"), time(rows, "attempted_at"), httpStatus,
                                rows.getString("response_excerpt"), rows.getString("error"), rows.getInt("duration_ms")));
                    }
                }
            }
            return byId.values().stream().map(d -> new DeliveryView(d.id(), d.webhookId(), d.eventId(), d.eventKind(),
                    d.state(), d.createdAt(), d.nextAttemptAt(), d.completedAt(), List.copyOf(d.attempts()))).toList();
        } catch (SQLException e) {
            throw new WebhookStorageException(e);
        }
    }

    static WebhookTarget target(ResultSet rows) throws SQLException {
        return new WebhookTarget(rows.getObject("id", UUID.class), rows.getString("url"), strings(rows.getArray("kinds")),
                strings(rows.getArray("countries")), rows.getString("owner_country"), rows.getString("created_by"),
                time(rows, "created_at"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    static OffsetDateTime time(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class);
    }

    static Timestamp timestamp(java.time.Instant instant) {
        return Timestamp.from(instant);
    }
}
