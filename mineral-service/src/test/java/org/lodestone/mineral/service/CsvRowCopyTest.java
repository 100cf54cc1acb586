package org.lodestone.mineral.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.api.PriceInput;
import org.lodestone.support.CsvFormatException;
import org.lodestone.support.CsvReader;
import org.lodestone.support.problem.FieldError;
import org.postgresql.copy.CopyIn;

/**
 * The byte-level CSV path of bulk uploads against the character-level one it replaced (decode the body, split it
 * with {@link CsvReader}, trim, map by column, validate every row as Strings): for thousands of generated rows, good
 * and bad (spaces, quotes, line breaks inside quotes, CR and CRLF, blank and short lines, non-ASCII text, malformed
 * UTF-8, numbers and dates of every odd shape), both must report the same errors and hand {@code COPY} the same values.
 */
class CsvRowCopyTest {

    private static final Set<String> KNOWN = Set.of("lithium", "cobalt", "nickel", "rare_earths");
    private static final List<String> PRICE_COLUMNS = List.of("mineral", "date", "period_type", "price",
            "unit_currency", "series", "basis", "source");
    private static final List<String> SHARE_COLUMNS = List.of("mineral", "stage", "country_iso2", "share_pct", "year",
            "basis", "source", "note");

    private static final String[][] PRICE_VARIANTS = {
            { "lithium", " cobalt ", "\"nickel\"", "rare_earths", "unobtainium", "", "LITHIUM", "\"lith\"\"ium\"" },
            { "1999-01", "1999", "2000-12", " 1987-07 ", "1999-13", "1999-00", "99-01", "1999-1", "", "0000", "１９９９" },
            { "month_or_point", "annual_average", "start_of_year_2025", "end_of_period_2025", "weekly", "",
                    " month_or_point" },
            { "12.5", "007", "0", "1000.50", "-1", "1e3", "abc", "", ".5", "1.", "\"1,5\"", "+3", "0.000",
                    "123456789012345678901234567890123456789012345" },
            { "USD/t", "", "\u2003", " € ", "\"a \"\"q\"\" b\"", "\u0001x", "\"\"" },
            { "", "s", "\"multi\nline\"", "\"with, comma\"", "série" },
            { "", "b", "test_fixture" },
            { "src [S1]", "", "\"with, comma\"", "日本語", "\"say \"\"hi\"\"\"", "\t", "\u00a0" } };

    private static final String[][] SHARE_VARIANTS = {
            { "lithium", " cobalt ", "\"nickel\"", "unobtainium", "" },
            { "mining", "REFINING", "Mining", " refining ", "smelting", "", "mınıng" },
            { "CD", "ROW", "WORLD", "cd", "C", "CDE", "", "\"AU\"" },
            { "60.5", "0", "100", "100.0", "100.5", "99.99999999999999999999", "-1", "1e1", "NaN", "", "007.50",
                    "5.", ".5", " 42 ", "0x1p3", "12.345678901234567" },
            { "1932", "1900", "2100", "1899", "2101", "19x3", "", "+1999", "01999" },
            { "observed", "projection_base_case", "reported_usgs", "Estimate_USGS", "OBSERVED", "guessed", "",
                    "projection_usgs", "ℹusgs" },
            { "Fixture [S98]", "", "\"with, comma\"", "日本語" },
            { "", "a note", "\"quoted \"\"note\"\"\"" } };

    @Test
    void pricesMatchTheCharacterPath() throws Exception {
        Random random = new Random(13);
        for (int body = 0; body < 40; body++) {
            byte[] csv = generate(random, PRICE_COLUMNS, PRICE_VARIANTS, body % 4 == 0 ? 0.02 : 0.0);
            assertSame(csv, (in, errors, copy) -> PriceRowCopier.copyCsv(in, KNOWN, errors, new ArrayList<>(), copy),
                    CsvRowCopyTest::referencePrices);
        }
    }

    @Test
    void supplySharesMatchTheCharacterPath() throws Exception {
        Random random = new Random(31);
        for (int body = 0; body < 40; body++) {
            byte[] csv = generate(random, SHARE_COLUMNS, SHARE_VARIANTS, body % 4 == 0 ? 0.02 : 0.0);
            assertSame(csv, (in, errors, copy) -> SupplyShareIngestionService.copyCsv(in, KNOWN, errors, copy),
                    CsvRowCopyTest::referenceShares);
        }
    }

    /** Only good rows: every one must reach COPY, byte for byte as before. */
    @Test
    void goodRowsAreCopiedAsBefore() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 10; round++) {
            ByteArrayOutputStream prices = new ByteArrayOutputStream();
            prices.writeBytes("mineral,date,period_type,price,unit_currency,series,basis,source\n".getBytes());
            ByteArrayOutputStream shares = new ByteArrayOutputStream();
            shares.writeBytes("mineral,stage,country_iso2,share_pct,year,basis,source,note\r\n".getBytes());
            for (int i = 0; i < 500; i++) {
                int m = random.nextInt(12);
                prices.writeBytes(("%s,%d-%02d,month_or_point,%d.%d,USD/t,\"Series, %d\",,src [B%d] été\n".formatted(
                        List.copyOf(KNOWN).get(i % 4), 1900 + i % 120, 1 + m, i, m, i, i)).getBytes(StandardCharsets.UTF_8));
                shares.writeBytes(("%s,%s,%c%c,%d.%d,%d,%s,\"Fixture \"\"%d\"\"\",%s\r\n".formatted(
                        List.copyOf(KNOWN).get(i % 4), i % 2 == 0 ? "mining" : "Refining", (char) ('A' + m),
                        (char) ('A' + i % 26), i % 100, m, 1900 + i % 200, i % 3 == 0 ? "observed" : "reported_usgs",
                        i, i % 5 == 0 ? "" : "note " + i)).getBytes(StandardCharsets.UTF_8));
            }
            Result price = assertSame(prices.toByteArray(),
                    (in, errors, copy) -> PriceRowCopier.copyCsv(in, KNOWN, errors, new ArrayList<>(), copy),
                    CsvRowCopyTest::referencePrices);
            Result share = assertSame(shares.toByteArray(),
                    (in, errors, copy) -> SupplyShareIngestionService.copyCsv(in, KNOWN, errors, copy),
                    CsvRowCopyTest::referenceShares);
            assertEquals(List.of(), price.errors);
            assertEquals(List.of(), share.errors);
            assertEquals(500, price.stored.size());
            assertEquals(500, share.stored.size());
        }
    }

    // --- the two paths side by side

    @FunctionalInterface
    interface Path {
        void copy(java.io.InputStream in, BatchErrors errors, CopyRows copy) throws IOException, SQLException;
    }

    @FunctionalInterface
    interface Reference {
        void copy(String body, BatchErrors errors, CopyRows copy) throws IOException, SQLException;
    }

    /** {@code stored}: the values PostgreSQL reads from what was sent, per row (see {@link #stored}). */
    record Result(List<FieldError> errors, long total, List<List<Object>> stored) {
    }

    /**
     * Compares errors and the rows COPY stores: fields unquoted (an unquoted empty one is NULL), the numeric column
     * (price) as a decimal with its scale, the double precision column (share) as a double. Supply shares go as CSV
     * both ways; prices go in the binary format on the new path and as the CSV the character path sent on the old one,
     * so each binary value is read back here as PostgreSQL would and compared with what PostgreSQL read from the CSV.
     */
    private static Result assertSame(byte[] body, Path path, Reference reference) throws Exception {
        String context = new String(body, StandardCharsets.UTF_8);
        boolean prices = context.contains("period_type"); // the header tells which table
        int numeric = prices ? 4 : -1;
        int floating = prices ? -1 : 3;
        Result actual = run(prices, numeric, floating, copy -> {
            BatchErrors errors = new BatchErrors(Integer.MAX_VALUE);
            path.copy(new ByteArrayInputStream(body), errors, copy);
            return errors;
        });
        Result expected = run(false, numeric, floating, copy -> {
            BatchErrors errors = new BatchErrors(Integer.MAX_VALUE);
            // the old path: the whole body decoded as the request reader did (malformed bytes replaced)
            reference.copy(new String(body, StandardCharsets.UTF_8), errors, copy);
            return errors;
        });
        assertEquals(expected.errors, actual.errors, context);
        assertEquals(expected.total, actual.total, context);
        assertEquals(expected.stored, actual.stored, context);
        return actual;
    }

    private static final int[] PRICE_TYPES = { 't', 't', 't', 'd', 'n', 't', 't', 't', 't' };

    /**
     * The values of price rows in COPY's binary format, read as PostgreSQL's receive functions read them (text,
     * date as days from 2000-01-01, numeric as base-10000 digits with weight and display scale), in the form
     * {@link #stored(String, int, int)} gives for CSV.
     */
    private static List<List<Object>> storedBinary(byte[] sent) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(sent);
        byte[] signature = new byte[11];
        in.get(signature);
        assertEquals("PGCOPY\n\u00ff\r\n\u0000", new String(signature, StandardCharsets.ISO_8859_1));
        assertEquals(0, in.getInt(), "flags");
        assertEquals(0, in.getInt(), "header extension");
        List<List<Object>> rows = new ArrayList<>();
        for (short fields = in.getShort(); fields != -1; fields = in.getShort()) {
            assertEquals(PRICE_TYPES.length, fields);
            List<Object> row = new ArrayList<>();
            for (int type : PRICE_TYPES) {
                int length = in.getInt();
                if (length == -1) {
                    row.add(null);
                    continue;
                }
                byte[] value = new byte[length];
                in.get(value);
                java.nio.ByteBuffer v = java.nio.ByteBuffer.wrap(value);
                row.add(switch (type) {
                    case 'd' -> java.time.LocalDate.of(2000, 1, 1).plusDays(v.getInt()).toString();
                    case 'n' -> {
                        int ndigits = v.getShort();
                        int weight = v.getShort();
                        assertEquals(0, v.getShort(), "sign: positive");
                        int dscale = v.getShort();
                        BigDecimal number = BigDecimal.ZERO;
                        for (int i = 0; i < ndigits; i++) {
                            int digit = v.getShort();
                            assertTrue(digit >= 0 && digit < 10_000, "a base-10000 digit");
                            assertTrue(i > 0 || digit != 0, "no leading zero group");
                            assertTrue(i < ndigits - 1 || digit != 0, "no trailing zero group");
                            number = number.add(BigDecimal.valueOf(digit).scaleByPowerOfTen(4 * (weight - i)));
                        }
                        assertEquals(length, 8 + 2 * ndigits);
                        BigDecimal stored = number.setScale(dscale);
                        yield stored.stripTrailingZeros().toPlainString() + "/" + stored.scale();
                    }
                    default -> new String(value, StandardCharsets.UTF_8);
                });
            }
            rows.add(row);
        }
        assertEquals(0, in.remaining(), "nothing after the trailer");
        return rows;
    }

    /** The values PostgreSQL reads from COPY's CSV, per row: each field unquoted, null for an unquoted empty field. */
    private static List<List<Object>> stored(String copied, int numeric, int floating) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < copied.length(); i++) {
            char c = copied.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < copied.length() && copied.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',' || c == '\n') {
                String text = field.toString();
                int column = row.size();
                row.add(text.isEmpty() && !wasQuoted ? null
                        : column == numeric ? new BigDecimal(text).stripTrailingZeros().toPlainString() + "/"
                                + new BigDecimal(text).scale()
                        : column == floating ? Double.valueOf(text) : text);
                field.setLength(0);
                wasQuoted = false;
                if (c == '\n') {
                    rows.add(row);
                    row = new ArrayList<>();
                }
            } else {
                field.append(c);
            }
        }
        assertTrue(row.isEmpty() && field.length() == 0, "COPY text ends with a whole row");
        return rows;
    }

    @FunctionalInterface
    interface Run {
        BatchErrors run(CopyRows copy) throws Exception;
    }

    private static Result run(boolean binary, int numeric, int floating, Run run) throws Exception {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        CopyIn copyIn = CapturedCopyIn.into(sent);
        CopyRows copy = binary ? CopyRows.binary(copyIn, PRICE_TYPES.length) : new CopyRows(copyIn);
        BatchErrors errors = run.run(copy);
        copy.finish();
        return new Result(errors.listed, errors.total, binary ? storedBinary(sent.toByteArray())
                : stored(sent.toString(StandardCharsets.UTF_8), numeric, floating));
    }

    private static byte[] generate(Random random, List<String> columns, String[][] variants, double malformed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextBoolean()) {
            out.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        }
        out.writeBytes((String.join(",", columns) + "\n").getBytes(StandardCharsets.UTF_8));
        int rows = 50 + random.nextInt(100);
        for (int r = 0; r < rows; r++) {
            int kind = random.nextInt(40);
            String row;
            if (kind == 0) {
                row = "";
            } else if (kind == 1) {
                row = " \t";
            } else if (kind == 2) {
                row = "lithium,1999";
            } else if (kind == 3 && malformed > 0) {
                row = "\u0000";
            } else {
                StringBuilder b = new StringBuilder();
                for (int c = 0; c < columns.size(); c++) {
                    String[] options = variants[c];
                    // mostly the first (good) options, so that good and bad rows mix
                    String value = random.nextInt(3) > 0 ? options[random.nextInt(Math.min(2, options.length))]
                            : options[random.nextInt(options.length)];
                    b.append(c == 0 ? "" : ",").append(value);
                }
                row = b.toString();
            }
            out.writeBytes(row.getBytes(StandardCharsets.UTF_8));
            if (random.nextDouble() < malformed) {
                out.writeBytes(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF });
            }
            String end = switch (random.nextInt(6)) {
                case 0 -> "\r\n";
                case 1 -> "\r";
                default -> "\n";
            };
            if (r < rows - 1 || random.nextBoolean()) {
                out.writeBytes(end.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (malformed > 0 && random.nextBoolean()) {
            out.writeBytes("lithium,1999,annual_average,1,USD/t,,,\"unterminated".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    // --- the character-level path as it was

    /** Header and rows as the old BatchCsv read them: values by column name, trimmed, empty as null. */
    private static void readRows(String body, List<String> columns, List<String> required, BatchErrors errors,
            RowHandler handler) throws IOException, SQLException {
        CsvReader csv = new CsvReader(new StringReader(body));
        CsvReader.Row headerRow;
        try {
            headerRow = csv.next();
        } catch (CsvFormatException e) {
            errors.add(new FieldError(e.line(), null, "malformed CSV header: " + e.getMessage()));
            return;
        }
        if (headerRow == null) {
            return;
        }
        List<String> header = headerRow.fields().stream().map(String::trim).toList();
        for (String column : header) {
            if (!columns.contains(column)) {
                errors.add(new FieldError(headerRow.line(), column, "unknown column (expected " + columns + ")"));
            }
        }
        for (String column : required) {
            if (!header.contains(column)) {
                errors.add(new FieldError(headerRow.line(), column, "required column missing from the header"));
            }
        }
        if (!errors.none()) {
            return;
        }
        while (true) {
            CsvReader.Row row;
            try {
                row = csv.next();
            } catch (CsvFormatException e) {
                errors.add(new FieldError(e.line(), null, "malformed CSV: " + e.getMessage()));
                return;
            }
            if (row == null) {
                return;
            }
            if (row.isBlank()) {
                continue;
            }
            if (row.fields().size() != header.size()) {
                errors.add(new FieldError(row.line(), null, "malformed CSV: " + row.fields().size()
                        + " fields, the header has " + header.size()));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String v = row.fields().get(i).trim();
                values.put(header.get(i), v.isEmpty() ? null : v);
            }
            handler.row(row.line(), values);
        }
    }

    @FunctionalInterface
    interface RowHandler {
        void row(long line, Map<String, String> values) throws SQLException;
    }

    private static void referencePrices(String body, BatchErrors errors, CopyRows copy)
            throws IOException, SQLException {
        List<FieldError> scratch = new ArrayList<>();
        readRows(body, PRICE_COLUMNS, List.of("mineral", "date", "period_type", "price", "unit_currency", "source"),
                errors, (line, row) -> {
                    BigDecimal price = null;
                    String rawPrice = row.get("price");
                    if (rawPrice != null) {
                        try {
                            price = new BigDecimal(rawPrice);
                        } catch (NumberFormatException e) {
                            errors.add(new FieldError(line, "price", "not a number: '" + rawPrice + "'"));
                            return;
                        }
                    }
                    // checked as PriceRowCopier.copyChecked checks, copied as CSV as the character path did
                    PriceInput in = new PriceInput(row.get("mineral"), row.get("date"), row.get("period_type"), price,
                            row.get("unit_currency"), row.get("series"), row.get("basis"), row.get("source"));
                    scratch.clear();
                    var valid = PriceInputValidator.validate(in, KNOWN, line, scratch);
                    scratch.forEach(errors::add);
                    if (valid.isPresent() && errors.none()) {
                        copy.row(line, in.mineral(), in.date(), valid.get().type().code(), valid.get().periodStart(),
                                in.price().toPlainString(), in.unitCurrency(), in.series(), in.basis(), in.source());
                    }
                });
    }

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}|ROW|WORLD");

    private static void referenceShares(String body, BatchErrors errors, CopyRows copy)
            throws IOException, SQLException {
        List<FieldError> found = new ArrayList<>();
        readRows(body, SHARE_COLUMNS, SHARE_COLUMNS.subList(0, 7), errors, (line, row) -> {
            found.clear();
            String mineral = row.get("mineral");
            if (mineral == null) {
                found.add(new FieldError(line, "mineral", "is required"));
            } else if (!KNOWN.contains(mineral)) {
                found.add(new FieldError(line, "mineral", "unknown mineral '" + mineral + "'"));
            }
            String stage = row.get("stage") == null ? null : row.get("stage").toUpperCase(Locale.ROOT);
            if (!"MINING".equals(stage) && !"REFINING".equals(stage)) {
                found.add(new FieldError(line, "stage", "must be mining or refining"));
            }
            String country = row.get("country_iso2");
            if (country == null || !COUNTRY.matcher(country).matches()) {
                found.add(new FieldError(line, "country_iso2",
                        "must be an upper-case ISO 3166 alpha-2 code, ROW or WORLD"));
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
            found.forEach(errors::add);
            if (found.isEmpty() && errors.none()) {
                copy.row(line, mineral, stage, country, share, year, dataset.name(), basis,
                        Dataset.isProjection(basis), source, row.get("note"));
            }
        });
    }

    private static <N> N number(String text, java.util.function.Function<String, N> parse) {
        try {
            return text == null ? null : parse.apply(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Test
    void aRecordLargerThanTheReadBufferIsReadWhole() throws Exception {
        String longSource = "x".repeat(1_500_000);
        byte[] body = ("mineral,date,period_type,price,unit_currency,series,basis,source\n"
                + "lithium,1999,annual_average,1,USD/t,\"a\nb\",,\"" + longSource + "\"\n"
                + "cobalt,1999-02,month_or_point,2,USD/t,,,s\n").getBytes(StandardCharsets.UTF_8);
        Result result = assertSame(body,
                (in, errors, copy) -> PriceRowCopier.copyCsv(in, KNOWN, errors, new ArrayList<>(), copy),
                CsvRowCopyTest::referencePrices);
        assertEquals(longSource, result.stored.get(0).get(8));
        assertEquals(java.util.Arrays.asList("cobalt", "1999-02", "month_or_point", "1999-02-01", "2/0", "USD/t", null,
                null, "s"), result.stored.get(1));
    }
}
