package org.lodestone.agreement.mapping;

import org.lodestone.agreement.OutboxEvent;
import org.lodestone.agreement.api.AgreementAlertPayload;
import org.lodestone.agreement.api.AlertView;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Outbox rows to alert records and payloads to JSON; the one place that knows the stored payload shape. */
public final class AlertMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertMapper() {
    }

    public static AlertView toView(OutboxEvent event) {
        try {
            return new AlertView(event.id, event.seq, event.kind, event.occurredAt, event.countries,
                    JSON.readValue(event.payload, AgreementAlertPayload.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable payload of outbox event " + event.id, e);
        }
    }

    public static String toJson(AgreementAlertPayload payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write alert payload for " + payload.agreement(), e);
        }
    }
}
