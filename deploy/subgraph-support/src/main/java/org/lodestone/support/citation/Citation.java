package org.lodestone.support.citation;

import java.util.List;

/**
 * A source citation taken apart: the original text, always whole, and the parts {@link CitationParser} could read
 * from it with confidence (null where it could not).
 */
public record Citation(String citation, String publisher, String title, Integer year, String url, List<String> refs) {
}
