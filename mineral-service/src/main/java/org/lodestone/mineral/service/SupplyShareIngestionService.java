package org.lodestone.mineral.service;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.api.IngestionResult;
import org.lodestone.support.problem.FieldError;

/**
 * Bulk supply shares, in the seed data's CSV shape ({@code mineral,stage,country_iso2,share_pct,year,basis,source,note};
 * the dataset and the projection flag follow from the basis, as in the seed import), under the {@link BulkCopy}
 * contract: one bad row anywhere (including a row that repeats a stored mineral, stage, country, year and basis) and
 * nothing is stored.
 */
@ApplicationScoped
public class SupplyShareIngestionService {

    static final List<String> COLUMNS = List.of("mineral", "stage", "country_iso2", "share_pct", "year", "basis",
            "source", "note");
    private static final List<String> REQUIRED = COLUMNS.subList(0, COLUMNS.size() - 1);
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}|ROW|WORLD");
    private static final String TABLE_COLUMNS =
            "mineral_id, stage, country_code, share_pct, year, dataset, basis, projection, source, note";

    private final MineralService minerals;
    private final BulkCopy bulk;

    SupplyShareIngestionService(MineralService minerals, BulkCopy bulk) {
        this.minerals = minerals;
        this.bulk = bulk;
    }

    /** {@code declaredLength}: the request's Content-Length, if it has one. */
    public IngestionResult ingest(InputStream body, Long declaredLength) {
        bulk.refuseOversized(declaredLength);
        Set<String> known = minerals.knownIds();
        return bulk.copy(body, "supply-share", "supply_share", TABLE_COLUMNS, (lines, errors, copy) -> {
            BatchCsv csv = BatchCsv.open(lines, COLUMNS, REQUIRED, errors);
            List<FieldError> found = new ArrayList<>();
            for (BatchCsv.Row row = csv == null ? null : csv.next(); row != null; row = csv.next()) {
                found.clear();
                Object[] values = check(row, known, found);
                found.forEach(errors::add);
                if (found.isEmpty() && errors.none()) {
                    copy.row(row.line(), values);
                }
            }
        }, BulkCopy.AfterStored.NOTHING);
    }

    /** The row's values in {@link #TABLE_COLUMNS} order, or null with the problems added to {@code found}. */
    private static Object[] check(BatchCsv.Row row, Set<String> known, List<FieldError> found) {
        long line = row.line();
        String mineral = row.get("mineral");
        if (mineral == null) {
            found.add(new FieldError(line, "mineral", "is required"));
        } else if (!known.contains(mineral)) {
            found.add(new FieldError(line, "mineral", "unknown mineral '" + mineral + "'"));
        }
        String stage = row.get("stage") == null ? null : row.get("stage").toUpperCase(Locale.ROOT);
        if (!"MINING".equals(stage) && !"REFINING".equals(stage)) {
            found.add(new FieldError(line, "stage", "must be mining or refining"));
        }
        String country = row.get("country_iso2");
        if (country == null || !COUNTRY.matcher(country).matches()) {
            found.add(new FieldError(line, "country_iso2", "must be an upper-case ISO 3166 alpha-2 code, ROW or WORLD"));
        }
        Double share = number(row.get("share_pct"), Double::valueOf);
        if (share == null || share.isNaN() || share < 0 || share > 100) {
            found.add(new FieldError(line, "share_pct", "must be a number from 0 to 100"));
        }
        Integer year = number(row.get("year"), Integer::valueOf);
        if (year == null || year < 1900 || year > 2100) {
            found.add(new FieldError(line, "year", "must be a year from 1900 to 2100"));
        }
        String basis = row.get("basis");
        Dataset dataset = null;
        if (basis == null) {
            found.add(new FieldError(line, "basis", "is required"));
        } else {
            try {
                dataset = Dataset.fromBasis(basis);
            } catch (IllegalArgumentException e) {
                found.add(new FieldError(line, "basis", e.getMessage()));
            }
        }
        String source = row.get("source");
        if (source == null) {
            found.add(new FieldError(line, "source", "is required: every fact keeps its source"));
        }
        if (!found.isEmpty()) {
            return null;
        }
        return new Object[] { mineral, stage, country, share, year, dataset.name(), basis, Dataset.isProjection(basis),
                source, row.get("note") };
    }

    /** Null for a missing or malformed number (reported by the caller). */
    private static <N> N number(String text, java.util.function.Function<String, N> parse) {
        try {
            return text == null ? null : parse.apply(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
