package org.lodestone.country.mapping;

import java.util.ArrayList;
import java.util.List;

import org.lodestone.country.Country;
import org.lodestone.country.DependenceIndicator;
import org.lodestone.country.PolicyMeasure;
import org.lodestone.country.SourceCitation;
import org.lodestone.country.api.CountryView;
import org.lodestone.country.api.DependenceIndicatorView;
import org.lodestone.country.api.MineralRef;
import org.lodestone.country.api.PolicyMeasureView;
import org.lodestone.support.citation.Citation;
import org.lodestone.support.citation.CitationParser;
import org.lodestone.support.citation.SourceNode;

/** The one place entities become API records. */
public final class CountryMapper {

    private CountryMapper() {
    }

    public static CountryView toView(Country country) {
        return new CountryView(country.code, country.name, country.coalitionMember, List.copyOf(country.groups),
                country.chinaDependenceSummary, toView(country.summarySource));
    }

    public static DependenceIndicatorView toView(DependenceIndicator row) {
        return new DependenceIndicatorView(row.id, row.countryCode, new MineralRef(row.mineralId), row.indicator,
                row.value, row.valueQualifier, row.valueText, row.unit, row.period, row.note, toView(row.source));
    }

    public static PolicyMeasureView toView(PolicyMeasure row) {
        return new PolicyMeasureView(row.id, row.countryCode, new MineralRef(row.mineralId), row.kind, row.value,
                row.unit, row.period, row.note, toView(row.source));
    }

    public static SourceNode toView(SourceCitation source) {
        if (source == null || source.citation == null) {
            return null;
        }
        return new SourceNode(source.citation, source.publisher, source.title, source.year, source.url,
                source.refs == null ? List.of() : List.copyOf(source.refs));
    }

    /** Parses a citation once, at write time, into the parts the database keeps; null for a blank citation. */
    public static SourceCitation toSource(String citationText) {
        Citation parsed = CitationParser.parse(citationText);
        if (parsed == null) {
            return null;
        }
        SourceCitation source = new SourceCitation();
        source.citation = parsed.citation();
        source.publisher = parsed.publisher();
        source.title = parsed.title();
        source.year = parsed.year();
        source.url = parsed.url();
        source.refs = new ArrayList<>(parsed.refs());
        return source;
    }
}
