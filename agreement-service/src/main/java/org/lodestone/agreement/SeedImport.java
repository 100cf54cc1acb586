package org.lodestone.agreement;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Marks a seed data set as imported, so a restart does not import it twice. */
@Entity
@Table(name = "seed_import")
public class SeedImport {

    @Id
    public String name;

    /** How many rows the import wrote. */
    @Column(name = "rows")
    public int rowCount;

    @Column(name = "imported_at")
    public OffsetDateTime importedAt;
}
