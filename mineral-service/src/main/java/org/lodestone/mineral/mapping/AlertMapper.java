package org.lodestone.mineral.mapping;

import org.lodestone.mineral.OutboxEvent;
import org.lodestone.mineral.api.AlertView;
import org.lodestone.mineral.api.ExportControlAlertPayload;

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
                    JSON.readValue(event.payload, ExportControlAlertPayload.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable payload of outbox event " + event.id, e);
        }
    }

    public static String toJson(ExportControlAlertPayload payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write alert payload for " + payload.exportControl(), e);
        }
    }
}
