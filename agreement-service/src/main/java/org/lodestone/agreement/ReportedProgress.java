package org.lodestone.agreement;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * Cumulative progress as of a date: the quantity or the amount delivered so far, whichever matches the
 * commitment's target. Shared by each report and by the view of the latest report per commitment.
 */
@MappedSuperclass
public abstract class ReportedProgress {

    @Column(name = "reported_quantity")
    public BigDecimal reportedQuantity;

    @Column(name = "reported_amount")
    public BigDecimal reportedAmount;

    @Column(name = "as_of")
    public LocalDate asOf;
}
