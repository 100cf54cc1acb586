package org.lodestone.agreement.api;

import java.util.List;

/** Where a fact comes from; citation is the full original text, the other fields are parsed from it. */
public record SourceView(String citation, String publisher, String title, Integer year, String url, List<String> refs) {
}
