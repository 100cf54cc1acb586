package org.lodestone.agreement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What an obligor reported as delivered so far. Each report is cumulative "as of" its date: the latest report
 * (by as-of date, then by arrival) is the commitment's progress; earlier ones stay as history.
 */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "commitment_id")
    public String commitmentId;

    @Column(name = "reported_quantity")
    public BigDecimal reportedQuantity;

    @Column(name = "reported_amount")
    public BigDecimal reportedAmount;

    @Column(name = "as_of")
    public LocalDate asOf;

    public String note;

    @Column(name = "reporter_subject")
    public String reporterSubject;

    @Column(name = "reporter_country")
    public String reporterCountry;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
