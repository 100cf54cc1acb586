package org.lodestone.agreement;

import java.time.OffsetDateTime;

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
public class ProgressReport extends ReportedProgress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "commitment_id")
    public String commitmentId;

    public String note;

    @Column(name = "reporter_subject")
    public String reporterSubject;

    @Column(name = "reporter_country")
    public String reporterCountry;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
