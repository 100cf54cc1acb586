package org.lodestone.mineral.api;

/**
 * The answer to a bulk upload. {@code parseMillis}: reading and validating (and encoding) the rows;
 * {@code storeMillis}: handing them to PostgreSQL.
 */
public record IngestionResult(int inserted, long parseMillis, long storeMillis) {
}
