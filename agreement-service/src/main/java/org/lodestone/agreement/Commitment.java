package org.lodestone.agreement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A promise one party made in an agreement. Its status is not stored: it follows from the target, the latest
 * progress report and the dates (see {@link CommitmentStatusCalculator}).
 */
@Entity
@Table(name = "commitment")
public class Commitment {

    /** What a commitment promises; the API descriptions quote this list. */
    public static final String KIND_TERMS = "ACTION_PLAN, DUE_DILIGENCE_FUND, EQUITY, FINANCING, FUNDING, INVESTMENT,"
            + " MINISTERIAL_MEETING, OFFTAKE, PROJECT_SUPPORT, REVENUE_SHARE, ROADMAP, STOCKPILE, TRADE_POLICY";
    public static final ClosedVocabulary KINDS = ClosedVocabulary.of(KIND_TERMS);

    @Id
    public String id;

    /** Plain key instead of an association: commitments are always read in batches next to their agreements. */
    @Column(name = "agreement_id")
    public String agreementId;

    public String obligor;

    /** One of {@link #KINDS}. */
    public String kind;

    public String description;

    @Column(name = "mineral_id")
    public String mineralId;

    @Column(name = "target_quantity")
    public BigDecimal targetQuantity;

    public String unit;

    @Column(name = "target_amount")
    public BigDecimal targetAmount;

    public String currency;

    @Column(name = "due_on")
    public LocalDate dueOn;

    public String basis;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
