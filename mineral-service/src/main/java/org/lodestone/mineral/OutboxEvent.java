package org.lodestone.mineral;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.lodestone.support.alert.OutboxEventBase;

/** An export-control alert in this service's outbox; its payload is an {@code ExportControlAlertPayload}. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends OutboxEventBase {
}
