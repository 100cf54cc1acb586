package org.lodestone.country;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a free-text source string such as
 * {@code "USGS, Mineral Commodity Summaries 2026 - gallium, Feb 2026, https://... [S02]"} into its parts.
 * Publisher and title are only filled when the text has the "publisher, title, ..." shape; a guess would be
 * worse than a null, because clients show these fields as facts.
 */
public final class SourceCitationParser {

    private static final Pattern URL = Pattern.compile("https?://[^\\s;,\\]\\)]+");
    private static final Pattern REF = Pattern.compile("\\[(S\\d+)\\]");
    private static final Pattern YEAR = Pattern.compile("\\b((?:19|20)\\d{2})\\b");

    private SourceCitationParser() {
    }

    /** Returns null for a blank citation: "no source" is not the same as "an empty source". */
    public static SourceCitation parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String citation = text.strip();
        SourceCitation source = new SourceCitation();
        source.citation = citation;

        Matcher url = URL.matcher(citation);
        source.url = url.find() ? url.group() : null;

        List<String> refs = new ArrayList<>();
        Matcher ref = REF.matcher(citation);
        while (ref.find()) {
            if (!refs.contains(ref.group(1))) {
                refs.add(ref.group(1));
            }
        }
        source.refs = refs;

        // Years inside the URL (".../mcs2026/...") are not publication years, so search the text without it.
        String withoutUrl = source.url == null ? citation : citation.replace(source.url, " ");
        Matcher year = YEAR.matcher(withoutUrl);
        source.year = year.find() ? Integer.valueOf(year.group(1)) : null;

        String lead = leadingText(withoutUrl);
        String[] parts = lead.split(",");
        if (parts.length >= 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
            source.publisher = parts[0].strip();
            source.title = parts[1].strip();
        }
        return source;
    }

    /** The text before the first [Sxx] reference: the part that may read "publisher, title, date". */
    private static String leadingText(String citation) {
        Matcher ref = REF.matcher(citation);
        return ref.find() ? citation.substring(0, ref.start()) : citation;
    }
}
