package org.lodestone.mineral;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An export restriction, or a suspension of one. Dates keep the precision the source states
 * ({@code YYYY-MM} or {@code YYYY-MM-DD}); see {@link org.lodestone.mineral.service.ControlPeriod}.
 */
@Entity
@Table(name = "export_control")
public class ExportControl {

    @Id
    public String id;

    @Column(name = "imposing_country")
    public String imposingCountry;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "mineral_ids", columnDefinition = "text[]")
    public List<String> mineralIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> targets;

    @Column(name = "targets_all")
    public boolean targetsAll;

    public String measure;

    @Column(name = "announced_date")
    public String announcedDate;

    @Column(name = "effective_date")
    public String effectiveDate;

    @Column(name = "ends_date")
    public String endsDate;

    @Column(name = "suspends_id")
    public String suspendsId;

    public String summary;

    public String source;

    @Column(name = "status_note")
    public String statusNote;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at", insertable = false, updatable = false)
    public OffsetDateTime recordedAt;
}
