package org.lodestone.agreement;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read-only view of the latest progress report of each commitment (see migration V2). */
@Entity
@Immutable
@Table(name = "commitment_latest_progress")
public class LatestProgress {

    @Id
    @Column(name = "commitment_id")
    public String commitmentId;

    @Column(name = "reported_quantity")
    public BigDecimal reportedQuantity;

    @Column(name = "reported_amount")
    public BigDecimal reportedAmount;

    @Column(name = "as_of")
    public LocalDate asOf;
}
