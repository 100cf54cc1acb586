package org.lodestone.country;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One published figure about a country's dependence for one mineral, e.g. US net import reliance for rare earths.
 * The country is kept as its code, not a relation: every read filters by code and never needs the country row.
 */
@Entity
@Table(name = "dependence_indicator")
public class DependenceIndicator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "country_code", nullable = false)
    public String countryCode;

    @Column(name = "mineral_id", nullable = false)
    public String mineralId;

    @Column(nullable = false)
    public String indicator;

    public Double value;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_qualifier")
    public ValueQualifier valueQualifier;

    @Column(name = "value_text")
    public String valueText;

    public String unit;

    public String period;

    public String note;

    @Embedded
    public SourceCitation source;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
