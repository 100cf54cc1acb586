package org.lodestone.country;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A country (ISO 3166-1 alpha-2), the European Union ({@code EU}) or a data aggregate ({@code ROW}, {@code WORLD}). */
@Entity
@Table(name = "country")
public class Country {

    @Id
    @Column(length = 8)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "coalition_member", nullable = false)
    public boolean coalitionMember;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "group_names", nullable = false)
    public List<String> groups = new ArrayList<>();

    @Column(name = "china_dependence_summary")
    public String chinaDependenceSummary;

    /** Source of the summary; null when the summary has none. */
    @Embedded
    public SourceCitation summarySource;
}
