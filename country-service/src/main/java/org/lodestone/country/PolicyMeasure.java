package org.lodestone.country;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A policy a country has set against supply risk, e.g. a stockpile target in days of consumption. */
@Entity
@Table(name = "policy_measure")
public class PolicyMeasure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "country_code", nullable = false)
    public String countryCode;

    @Column(name = "mineral_id", nullable = false)
    public String mineralId;

    @Column(nullable = false)
    public String kind;

    public Double value;

    public String unit;

    public String period;

    public String note;

    @Embedded
    public SourceCitation source;

    @Column(name = "indicator_id")
    public Long indicatorId;
}
