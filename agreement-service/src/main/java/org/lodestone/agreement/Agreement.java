package org.lodestone.agreement;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "agreement")
public class Agreement {

    /** What kind of instrument an agreement is; the API descriptions quote this list. */
    public static final String TYPE_TERMS =
            "bilateral, plurilateral, framework, partnership, MOU, FTA, investment, offtake";
    public static final ClosedVocabulary TYPES = ClosedVocabulary.of(TYPE_TERMS);

    @Id
    public String id;

    public String title;

    /** One of {@link #TYPES}. */
    public String type;

    /** ISO 3166-1 alpha-2 codes (or EU), in the order the source lists them. */
    @Column(columnDefinition = "varchar(8)[]")
    public String[] parties;

    @Column(columnDefinition = "varchar(64)[]")
    public String[] minerals;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    /** The signing date as precisely as the source gives it ("2023-03-28" or just "2023-03"). */
    @Column(name = "signed_period")
    public String signedPeriod;

    @Enumerated(EnumType.STRING)
    public AgreementStatus status;

    @Enumerated(EnumType.STRING)
    public Visibility visibility;

    public String summary;

    @Column(name = "commitments_text")
    public String commitmentsText;

    @Column(name = "source_text")
    public String sourceText;

    @Version
    public int version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
