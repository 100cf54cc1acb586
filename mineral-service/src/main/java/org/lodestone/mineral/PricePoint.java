package org.lodestone.mineral;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "price_point")
public class PricePoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "mineral_id")
    public String mineralId;

    /** As the source gives it: {@code YYYY} or {@code YYYY-MM}. */
    public String period;

    @Column(name = "period_type")
    public String periodType;

    /** First day of {@link #period}, so ranges can be queried. */
    @Column(name = "period_start")
    public LocalDate periodStart;

    public BigDecimal price;

    @Column(name = "unit_currency")
    public String unitCurrency;

    public String series;

    public String basis;

    public String source;
}
