package org.lodestone.support.citation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a free-text source string of the data set, such as
 * {@code "USGS, Mineral Commodity Summaries 2026 - gallium, Feb 2026, https://... [S02]"}, into its parts.
 * <p>
 * Clients show publisher and title as facts, so a guess would be worse than a null. They are filled in two shapes
 * only, read from the first citation when several are joined with ';':
 * <ul>
 * <li>"Publisher, Title, ..." (commas inside parentheses do not split), when neither part is a URL, a reference or
 * starts like a date;</li>
 * <li>"Publisher 2023-03-28 ...": a one-word name followed by a date, the shape of a press release or an official
 * announcement; there is no title then.</li>
 * </ul>
 * The year is the first year in the text outside URLs ("mcs2026" in a path is not a publication year).
 */
public final class CitationParser {

    private static final Pattern URL = Pattern.compile("https?://[^\\s;\\]]+");
    private static final Pattern REF = Pattern.compile("\\[(S\\d+)]");
    private static final Pattern YEAR = Pattern.compile("(?<![0-9A-Za-z])((?:18|19|20)\\d{2})(?![0-9])");
    private static final Pattern NAME_THEN_DATE =
            Pattern.compile("^([A-Za-z][A-Za-z0-9.&'-]*)\\s+(?:19|20)\\d{2}(?:-\\d{2}){0,2}(?![0-9])");
    private static final Pattern STARTS_LIKE_A_DATE = Pattern.compile("^[A-Za-z]{0,4}\\s*\\d.*");
    private static final int LONGEST_PART = 120;
    /** Distinct citation texts remembered; the seed data has a few hundred. */
    static final int MAX_REMEMBERED = 8192;
    private static final Map<String, Citation> PARSED = new ConcurrentHashMap<>();

    private CitationParser() {
    }

    /**
     * Returns null for a blank citation: "no source" is not the same as "an empty source". Every row carries its
     * citation as text and most rows share a few hundred texts, so each text is taken apart once and its (immutable)
     * parts are remembered; services map rows on every read, and the regular expressions were a visible share of
     * their CPU per request.
     */
    public static Citation parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Citation known = PARSED.get(text);
        if (known != null) {
            return known;
        }
        Citation parsed = parseNow(text);
        if (PARSED.size() >= MAX_REMEMBERED) {
            PARSED.clear();
        }
        PARSED.put(text, parsed);
        return parsed;
    }

    private static Citation parseNow(String text) {
        String citation = text.strip();
        Matcher url = URL.matcher(citation);
        String firstUrl = url.find() ? url.group().replaceAll("[).,]+$", "") : null;

        List<String> refs = new ArrayList<>();
        Matcher ref = REF.matcher(citation);
        while (ref.find()) {
            if (!refs.contains(ref.group(1))) {
                refs.add(ref.group(1));
            }
        }

        Matcher year = YEAR.matcher(URL.matcher(citation).replaceAll(" "));
        Integer firstYear = year.find() ? Integer.valueOf(year.group(1)) : null;

        String publisher = null;
        String title = null;
        String first = topLevel(citation, ';').get(0);
        String lead = leadingText(first);
        List<String> parts = topLevel(lead, ',');
        if (parts.size() >= 2 && plain(parts.get(0)) && plain(parts.get(1))) {
            publisher = parts.get(0);
            title = parts.get(1);
        } else {
            Matcher named = NAME_THEN_DATE.matcher(first);
            if (named.find()) {
                publisher = named.group(1);
            }
        }
        return new Citation(citation, publisher, title, firstYear, firstUrl, List.copyOf(refs));
    }

    private static boolean plain(String part) {
        return !part.isBlank() && part.length() <= LONGEST_PART && !URL.matcher(part).find()
                && !part.contains("[S") && !STARTS_LIKE_A_DATE.matcher(part).matches();
    }

    /** The text before the first [Sxx] reference: the part that may read "publisher, title, date". */
    private static String leadingText(String citation) {
        Matcher ref = REF.matcher(citation);
        return ref.find() ? citation.substring(0, ref.start()) : citation;
    }

    /** Splits at {@code separator} outside parentheses; parts are trimmed. */
    private static List<String> topLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && depth > 0) {
                depth--;
            }
            if (ch == separator && depth == 0) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        parts.add(current.toString().trim());
        return parts;
    }
}
