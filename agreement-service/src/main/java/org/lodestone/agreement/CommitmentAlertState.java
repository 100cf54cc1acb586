package org.lodestone.agreement;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The status a commitment was last alerted (or silently recovered) with, so a status change alerts only once. */
@Entity
@Table(name = "commitment_alert_state")
public class CommitmentAlertState {

    @Id
    @Column(name = "commitment_id")
    public String commitmentId;

    public String status;

    @Column(name = "alerted_at")
    public OffsetDateTime alertedAt;
}
