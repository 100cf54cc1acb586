package org.lodestone.country;

import java.time.Instant;

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

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    @Column(name = "row_count", nullable = false)
    public int rowCount;
}
