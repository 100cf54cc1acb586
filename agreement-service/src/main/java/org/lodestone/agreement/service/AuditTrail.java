package org.lodestone.agreement.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.lodestone.agreement.AuditEvent;
import org.lodestone.agreement.AuditEventRepository;
import org.lodestone.agreement.security.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Writes audit events inside the caller's transaction, so a rolled-back change leaves no event behind. */
@ApplicationScoped
public class AuditTrail {

    public static final String AGREEMENT = "AGREEMENT";
    public static final String COMMITMENT = "COMMITMENT";
    public static final String PROGRESS_REPORT = "PROGRESS_REPORT";

    private final AuditEventRepository events;
    private final ObjectMapper json;

    public AuditTrail(AuditEventRepository events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String agreementId, String entity, String entityId, String operation, Caller caller,
            Object before, Object after, String reason) {
        AuditEvent event = new AuditEvent();
        event.agreementId = agreementId;
        event.entity = entity;
        event.entityId = entityId;
        event.operation = operation;
        event.subject = caller.subject();
        event.country = caller.country();
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        event.before = toJson(before);
        event.after = toJson(after);
        event.reason = reason;
        events.persist(event);
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize audit state of " + state.getClass().getSimpleName(), e);
        }
    }
}
