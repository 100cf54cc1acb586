package org.lodestone.mineral.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lodestone.mineral.service.SourceDto;

/**
 * Splits a source string from the data set into its parts. The citation is always kept whole; publisher
 * and title are only filled when the text starts with "Publisher, Title, ..." (comma-separated, outside
 * parentheses) and neither part is a URL or a reference id.
 */
public final class SourceParser {

    private static final Pattern URL = Pattern.compile("https?://[^\\s;\\]]+");
    private static final Pattern REF = Pattern.compile("\\[(S\\d+)]");
    private static final Pattern YEAR = Pattern.compile("(?<![0-9A-Za-z])(1[89]\\d{2}|20\\d{2})(?![0-9])");

    private SourceParser() {
    }

    public static SourceDto parse(String citation) {
        if (citation == null || citation.isBlank()) {
            return null;
        }
        String url = null;
        Matcher urlMatcher = URL.matcher(citation);
        if (urlMatcher.find()) {
            url = urlMatcher.group().replaceAll("[).,]+$", "");
        }
        List<String> refs = new ArrayList<>();
        Matcher refMatcher = REF.matcher(citation);
        while (refMatcher.find()) {
            if (!refs.contains(refMatcher.group(1))) {
                refs.add(refMatcher.group(1));
            }
        }
        Integer year = null;
        Matcher yearMatcher = YEAR.matcher(URL.matcher(citation).replaceAll(" "));
        if (yearMatcher.find()) {
            year = Integer.valueOf(yearMatcher.group(1));
        }
        List<String> parts = topLevelParts(citation);
        String publisher = null;
        String title = null;
        if (parts.size() >= 3 && plain(parts.get(0)) && plain(parts.get(1))) {
            publisher = parts.get(0);
            title = parts.get(1);
        }
        return new SourceDto(citation, publisher, title, year, url, List.copyOf(refs));
    }

    private static boolean plain(String part) {
        return !part.isBlank() && part.length() <= 120 && !part.contains("http") && !part.contains("[S");
    }

    private static List<String> topLevelParts(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && depth > 0) {
                depth--;
            }
            if (ch == ',' && depth == 0) {
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
