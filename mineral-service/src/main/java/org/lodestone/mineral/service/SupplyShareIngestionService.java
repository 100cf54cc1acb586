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
 * nothing is stored. The common row is checked and copied on its bytes; any other goes through {@link #check}.
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
        return bulk.copy(body, "supply-share", c -> CopyRows.start(c, "supply_share", TABLE_COLUMNS),
                (in, errors, copy) -> copyCsv(in, known, errors, copy), BulkCopy.AfterStored.NOTHING);
    }

    /** Reads, checks and copies the rows of a CSV body (copying only while no row has failed). */
    static void copyCsv(InputStream in, Set<String> known, BatchErrors errors, CopyRows copy)
            throws java.io.IOException, java.sql.SQLException {
        BatchCsv csv = BatchCsv.open(in, COLUMNS, REQUIRED, errors);
        if (csv == null) {
            return;
        }
        Fields fields = new Fields(csv);
        ByteKeys knownBytes = new ByteKeys(known);
        List<FieldError> found = new ArrayList<>();
        while (csv.next()) {
            if (copiedAsBytes(csv.row(), fields, knownBytes, errors, copy)) {
                continue;
            }
            found.clear();
            Object[] values = check(csv, fields, known, found);
            found.forEach(errors::add);
            if (found.isEmpty() && errors.none()) {
                copy.row(csv.line(), values);
            }
        }
    }

    /** The field index of each column in the upload's rows (-1: not in the header). */
    private record Fields(int mineral, int stage, int country, int share, int year, int basis, int source, int note) {
        Fields(BatchCsv csv) {
            this(csv.field("mineral"), csv.field("stage"), csv.field("country_iso2"), csv.field("share_pct"),
                    csv.field("year"), csv.field("basis"), csv.field("source"), csv.field("note"));
        }
    }

    /**
     * The common row checked on its bytes (a known mineral; mining or refining in any ASCII case; a country code of
     * upper-case letters; a share of plain digits from 0 to 100; a four-digit year from 1900 to 2100; an ASCII basis
     * of a known dataset; a source; well-formed UTF-8) and, while no row has failed, copied with its fields as they
     * are, which stores what {@link #check} would. False, with nothing done, for any other row: {@link #check} then
     * decides and words the errors.
     */
    private static boolean copiedAsBytes(CsvBytes row, Fields f, ByteKeys known, BatchErrors errors, CopyRows copy)
            throws java.sql.SQLException {
        byte[] b = row.bytes();
        if (!row.wellFormedUtf8() || !known.contains(b, row.start(f.mineral()), row.end(f.mineral()))
                || row.isEmpty(f.source()) || !countryCode(b, row.start(f.country()), row.end(f.country()))
                || !shareUpTo100(b, row.start(f.share()), row.end(f.share()))
                || !yearInRange(b, row.start(f.year()), row.end(f.year()))) {
            return false;
        }
        byte[] stage = asciiIgnoringCase(b, row.start(f.stage()), row.end(f.stage()), MINING) ? MINING
                : asciiIgnoringCase(b, row.start(f.stage()), row.end(f.stage()), REFINING) ? REFINING : null;
        int basisFrom = row.start(f.basis());
        int basisTo = row.end(f.basis());
        if (stage == null || basisFrom == basisTo || !row.ascii() && !ascii(b, basisFrom, basisTo)) {
            return false;
        }
        byte[] dataset = asciiIgnoringCase(b, basisFrom, basisTo, OBSERVED)
                || asciiIgnoringCase(b, basisFrom, basisTo, PROJECTION_BASE_CASE) ? IEA
                : containsIgnoringCase(b, basisFrom, basisTo, USGS) ? USGS_NAME : null;
        if (dataset == null) {
            return false;
        }
        if (errors.none()) {
            copy.quotedEscaped(b, row.start(f.mineral()), row.end(f.mineral()));
            copy.plain(stage);
            copy.quotedEscaped(b, row.start(f.country()), row.end(f.country()));
            copy.plain(b, row.start(f.share()), row.end(f.share()));
            copy.plain(b, row.start(f.year()), row.end(f.year()));
            copy.plain(dataset);
            copy.quotedEscaped(b, basisFrom, basisTo);
            copy.bool(basisTo - basisFrom >= PROJECTION.length
                    && asciiIgnoringCase(b, basisFrom, basisFrom + PROJECTION.length, PROJECTION));
            copy.quotedEscaped(b, row.start(f.source()), row.end(f.source()));
            if (f.note() < 0 || row.isEmpty(f.note())) {
                copy.nullValue();
            } else {
                copy.quotedEscaped(b, row.start(f.note()), row.end(f.note()));
            }
            copy.endRow(row.line());
        }
        return true;
    }

    private static final byte[] MINING = ascii("MINING");
    private static final byte[] REFINING = ascii("REFINING");
    private static final byte[] OBSERVED = ascii("OBSERVED");
    private static final byte[] PROJECTION_BASE_CASE = ascii("PROJECTION_BASE_CASE");
    private static final byte[] PROJECTION = ascii("PROJECTION");
    private static final byte[] USGS = ascii("USGS");
    private static final byte[] IEA = ascii(Dataset.IEA.name());
    private static final byte[] USGS_NAME = ascii(Dataset.USGS.name());

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static boolean ascii(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Equal to the upper-case ASCII {@code word} in any ASCII case. */
    private static boolean asciiIgnoringCase(byte[] b, int from, int to, byte[] word) {
        if (to - from != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            int c = b[from + i];
            if (c >= 'a' && c <= 'z') {
                c -= 'a' - 'A';
            }
            if (c != word[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsIgnoringCase(byte[] b, int from, int to, byte[] word) {
        for (int i = from; i + word.length <= to; i++) {
            if (asciiIgnoringCase(b, i, i + word.length, word)) {
                return true;
            }
        }
        return false;
    }

    /** {@code [A-Z]{2}|ROW|WORLD}, as {@link #COUNTRY}. */
    private static boolean countryCode(byte[] b, int from, int to) {
        int length = to - from;
        if (length == 2) {
            return b[from] >= 'A' && b[from] <= 'Z' && b[from + 1] >= 'A' && b[from + 1] <= 'Z';
        }
        return length == 3 && b[from] == 'R' && b[from + 1] == 'O' && b[from + 2] == 'W'
                || length == 5 && b[from] == 'W' && b[from + 1] == 'O' && b[from + 2] == 'R' && b[from + 3] == 'L'
                        && b[from + 4] == 'D';
    }

    /**
     * One to three digits, optionally a point and up to 17 more, at most 100: a number that Double.valueOf and
     * PostgreSQL's double precision read to the same value, within the share's range.
     */
    private static boolean shareUpTo100(byte[] b, int from, int to) {
        int whole = 0;
        int i = from;
        while (i < to && i - from < 3 && digit(b[i])) {
            whole = whole * 10 + b[i++] - '0';
        }
        if (i == from || whole > 100) {
            return false;
        }
        boolean fractionZero = true;
        if (i < to) {
            if (b[i++] != '.' || i == to || to - i > 17) {
                return false;
            }
            for (; i < to; i++) {
                if (!digit(b[i])) {
                    return false;
                }
                fractionZero &= b[i] == '0';
            }
        }
        return whole < 100 || fractionZero;
    }

    /** Four digits from 1900 to 2100. */
    private static boolean yearInRange(byte[] b, int from, int to) {
        if (to - from != 4) {
            return false;
        }
        int year = 0;
        for (int i = from; i < to; i++) {
            if (!digit(b[i])) {
                return false;
            }
            year = year * 10 + b[i] - '0';
        }
        return year >= 1900 && year <= 2100;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** The row's values in {@link #TABLE_COLUMNS} order, or null with the problems added to {@code found}. */
    private static Object[] check(BatchCsv row, Fields f, Set<String> known, List<FieldError> found) {
        long line = row.line();
        String mineral = row.get(f.mineral());
        if (mineral == null) {
            found.add(new FieldError(line, "mineral", "is required"));
        } else if (!known.contains(mineral)) {
            found.add(new FieldError(line, "mineral", "unknown mineral '" + mineral + "'"));
        }
        String stage = row.get(f.stage()) == null ? null : row.get(f.stage()).toUpperCase(Locale.ROOT);
        if (!"MINING".equals(stage) && !"REFINING".equals(stage)) {
            found.add(new FieldError(line, "stage", "must be mining or refining"));
        }
        String country = row.get(f.country());
        if (country == null || !COUNTRY.matcher(country).matches()) {
            found.add(new FieldError(line, "country_iso2", "must be an upper-case ISO 3166 alpha-2 code, ROW or WORLD"));
        }
        Double share = number(row.get(f.share()), Double::valueOf);
        if (share == null || share.isNaN() || share < 0 || share > 100) {
            found.add(new FieldError(line, "share_pct", "must be a number from 0 to 100"));
        }
        Integer year = number(row.get(f.year()), Integer::valueOf);
        if (year == null || year < 1900 || year > 2100) {
            found.add(new FieldError(line, "year", "must be a year from 1900 to 2100"));
        }
        String basis = row.get(f.basis());
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
        String source = row.get(f.source());
        if (source == null) {
            found.add(new FieldError(line, "source", "is required: every fact keeps its source"));
        }
        if (!found.isEmpty()) {
            return null;
        }
        return new Object[] { mineral, stage, country, share, year, dataset.name(), basis, Dataset.isProjection(basis),
                source, row.get(f.note()) };
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
