package org.lodestone.country;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Where a fact comes from. The original citation text is kept verbatim; the other parts are parsed from it
 * once, at write time (see {@code CountryMapper.toSource}).
 */
@Embeddable
public class SourceCitation {

    @Column(name = "source_citation")
    public String citation;

    @Column(name = "source_publisher")
    public String publisher;

    @Column(name = "source_title")
    public String title;

    @Column(name = "source_year")
    public Integer year;

    @Column(name = "source_url")
    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "source_refs")
    public List<String> refs = new ArrayList<>();
}
