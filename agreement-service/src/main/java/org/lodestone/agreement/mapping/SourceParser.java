package org.lodestone.agreement.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lodestone.agreement.service.SourceView;

/**
 * Reads a source string of the seed data ("USGS, Mineral Commodity Summaries 2026 - tungsten, Feb 2026, https://... [S02]")
 * into its parts. The citation always keeps the full original text; parsed parts are best effort and null when
 * the text does not make them clear.
 */
public final class SourceParser {

    private static final Pattern URL = Pattern.compile("https?://[^\\s;\\]]+");
    private static final Pattern REF = Pattern.compile("\\[(S\\d+)]");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");
    private static final Pattern DATE_OR_YEAR = Pattern.compile("(?<!\\d)(?:19|20)\\d{2}(?:-\\d{2}){0,2}(?!\\d)");

    private SourceParser() {
    }

    public static SourceView parse(String text) {
        String citation = text == null ? "" : text.trim();
        Matcher url = URL.matcher(citation);
        String firstUrl = url.find() ? trimTrailingPunctuation(url.group()) : null;
        List<String> refs = new ArrayList<>();
        Matcher ref = REF.matcher(citation);
        while (ref.find()) {
            if (!refs.contains(ref.group(1))) {
                refs.add(ref.group(1));
            }
        }
        Matcher year = YEAR.matcher(citation);
        Integer firstYear = year.find() ? Integer.valueOf(year.group(1)) : null;

        String publisher = null;
        String title = null;
        String firstSegment = citation.split(";", 2)[0];
        String[] parts = firstSegment.split(",");
        if (parts.length >= 2 && isPlainText(parts[0]) && isPlainText(parts[1])) {
            // "Publisher, Title, date, url [ref]"
            publisher = parts[0].trim();
            title = parts[1].trim();
        } else {
            // "Publisher 2023-03-28 https://... [S40]": what is left without URL, refs and dates names the publisher
            String rest = DATE_OR_YEAR.matcher(REF.matcher(URL.matcher(firstSegment).replaceAll("")).replaceAll(""))
                    .replaceAll("").replaceAll("\\s+", " ").replaceAll("[\\s,;:.-]+$", "").trim();
            if (!rest.isEmpty() && rest.length() <= 60 && !rest.contains("(")) {
                publisher = rest;
            }
        }
        return new SourceView(citation, publisher, title, firstYear, firstUrl, List.copyOf(refs));
    }

    private static boolean isPlainText(String part) {
        String p = part.trim();
        return !p.isEmpty() && !URL.matcher(p).find() && !REF.matcher(p).find() && !p.matches("^[A-Za-z]{0,4}\\s*\\d.*");
    }

    private static String trimTrailingPunctuation(String url) {
        return url.replaceAll("[.,)]+$", "");
    }
}
