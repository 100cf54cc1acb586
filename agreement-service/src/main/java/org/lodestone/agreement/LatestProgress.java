package org.lodestone.agreement;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read-only view of the latest progress report of each commitment (see migration V2). */
@Entity
@Immutable
@Table(name = "commitment_latest_progress")
public class LatestProgress extends ReportedProgress {

    @Id
    @Column(name = "commitment_id")
    public String commitmentId;
}
