package org.lodestone.mineral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "supply_share")
public class SupplyShare {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "mineral_id")
    public String mineralId;

    @Enumerated(EnumType.STRING)
    public Stage stage;

    @Column(name = "country_code")
    public String countryCode;

    @Column(name = "share_pct")
    public double sharePct;

    public int year;

    @Enumerated(EnumType.STRING)
    public Dataset dataset;

    public String basis;

    public boolean projection;

    public String source;

    public String note;
}
