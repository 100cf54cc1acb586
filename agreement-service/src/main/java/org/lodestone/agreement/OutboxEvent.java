package org.lodestone.agreement;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.lodestone.support.alert.OutboxEventBase;

/** An agreement or commitment alert in this service's outbox; its payload is an {@code AgreementAlertPayload}. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends OutboxEventBase {
}
