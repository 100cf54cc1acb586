package org.lodestone.support.alert;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An alert in a service's transactional outbox, written in the transaction of the change it reports. The columns are
 * the same in every service's {@code outbox_event} table; each service maps its own table with a small entity that
 * extends this class, and keeps its own payload type (stored as JSON).
 */
@MappedSuperclass
public abstract class OutboxEventBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    public UUID id;

    /** Filled by the database sequence; orders events in commit-independent insertion order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Enumerated(EnumType.STRING)
    public AlertKind kind;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(name = "entity_type")
    public String entityType;

    @Column(name = "entity_id")
    public String entityId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> countries;

    /** PUBLIC, COALITION or PARTIES; see {@link AlertAudience}. */
    public String visibility;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> parties;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String payload;

    /** Fills a new event about one entity, with a fresh id; the payload is stored as JSON. */
    public void describe(AlertKind kind, OffsetDateTime occurredAt, String entityType, String entityId,
            List<String> countries, String visibility, List<String> parties, Object payload) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.occurredAt = occurredAt;
        this.entityType = entityType;
        this.entityId = entityId;
        this.countries = List.copyOf(countries);
        this.visibility = visibility;
        this.parties = List.copyOf(parties);
        try {
            this.payload = JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the alert payload for " + entityType + " " + entityId, e);
        }
    }

    /** This event as the API returns it, its stored payload read as the given type. */
    public <P> AlertView<P> toView(Class<P> payloadType) {
        try {
            return new AlertView<>(id, seq, kind, occurredAt, countries, JSON.readValue(payload, payloadType));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable payload of outbox event " + id, e);
        }
    }
}
