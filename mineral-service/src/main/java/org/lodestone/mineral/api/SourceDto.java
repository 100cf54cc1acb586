package org.lodestone.mineral.api;

import java.util.List;

/**
 * Where a fact comes from. {@code citation} is the full original text; the other fields are read from it
 * by the shared citation parser and are null when not clear.
 */
public record SourceDto(String citation, String publisher, String title, Integer year, String url, List<String> refs) {
}
