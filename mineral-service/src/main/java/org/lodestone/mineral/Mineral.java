package org.lodestone.mineral;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "mineral")
public class Mineral {

    @Id
    public String id;

    public String name;

    public String symbol;

    public String unit;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> uses;

    @Column(name = "uses_source")
    public String usesSource;
}
