package org.lodestone.mineral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Production, reserves or capacity of one country for one mineral and year. */
@Entity
@Table(name = "production_figure")
public class ProductionFigure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "mineral_id")
    public String mineralId;

    @Column(name = "country_code")
    public String countryCode;

    public int year;

    public String measure;

    /** Null where the source withholds the figure. */
    public Double quantity;

    public String unit;

    public String basis;

    public String source;

    public String note;
}
