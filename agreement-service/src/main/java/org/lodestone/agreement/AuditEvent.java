package org.lodestone.agreement;

import java.time.OffsetDateTime;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change to an agreement or its commitments. Append-only: the database refuses UPDATE and DELETE. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "agreement_id")
    public String agreementId;

    /** AGREEMENT, COMMITMENT or PROGRESS_REPORT. */
    public String entity;

    @Column(name = "entity_id")
    public String entityId;

    public String operation;

    public String subject;

    public String country;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(name = "before_state", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String before;

    @Column(name = "after_state", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String after;

    public String reason;
}
