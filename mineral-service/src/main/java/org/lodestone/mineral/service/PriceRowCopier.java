package org.lodestone.mineral.service;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import org.lodestone.mineral.api.PriceInput;
import org.lodestone.support.problem.FieldError;

/**
 * Price rows into {@code COPY}, each checked by the rules of {@link PriceInputValidator}. A CSV row of the common
 * shape (a known mineral, a period type and a date of its format in digits, a price in plain digits, the required
 * texts present, well-formed UTF-8) is checked on its bytes and its fields go on to {@code COPY} from those bytes;
 * every other row is read into a {@link PriceInput} and goes through the validator itself, which words the errors.
 * So both kinds of row are stored alike and every bad row gets the validator's message; only the common case makes
 * no object. Rows go in COPY's binary format: the values are already checked here, so PostgreSQL is handed the date
 * and the price as it stores them instead of parsing text again. They are sent in windows sorted like the
 * {@code (mineral_id, period_start)} index ({@link #SORT_WINDOW}): inserting into that index was most of what
 * PostgreSQL spent per row, and consecutive rows of one mineral and period find its pages still in the CPU's caches.
 * Rows of the same mineral and period keep the upload's order (their ids too).
 */
final class PriceRowCopier {

    /** The table columns, in the order rows are copied. */
    static final String COLUMNS =
            "mineral_id, period, period_type, period_start, price, unit_currency, series, basis, source";

    private static final PeriodType[] TYPES = PeriodType.values();
    private static final byte[][] TYPE_CODES = new byte[TYPES.length][];
    static {
        for (PeriodType type : TYPES) {
            TYPE_CODES[type.ordinal()] = type.code().getBytes(StandardCharsets.US_ASCII);
        }
    }
    private static final int MAX_FAST_PRICE_LENGTH = 40;
    /** Rows per sorted window: about 1.2 MB of typical rows held per upload. */
    static final int SORT_WINDOW = 8192;
    /** PostgreSQL's days (from 2000-01-01) of years 1 to 9999 fit in 23 bits once moved up by this. */
    private static final int DAY_OFFSET = 1 << 21;

    private PriceRowCopier() {
    }

    /** {@code COPY price_point} in the binary format, on the transaction's connection. */
    static CopyRows start(java.sql.Connection connection) throws SQLException {
        return CopyRows.startBinary(connection, "price_point", COLUMNS, SORT_WINDOW);
    }

    /** Copies the rows of a CSV body, reporting bad ones; rows are copied only while no row has failed. */
    static void copyCsv(InputStream body, Set<String> knownMinerals, BatchErrors errors, List<FieldError> scratch,
            CopyRows copy) throws IOException, SQLException {
        BatchCsv csv = BatchCsv.open(body, PriceBatchReader.COLUMNS, PriceBatchReader.REQUIRED, errors);
        if (csv == null) {
            return;
        }
        ByteKeys minerals = new ByteKeys(knownMinerals);
        int mineral = csv.field("mineral");
        int date = csv.field("date");
        int periodType = csv.field("period_type");
        int price = csv.field("price");
        int unitCurrency = csv.field("unit_currency");
        int series = csv.field("series");
        int basis = csv.field("basis");
        int source = csv.field("source");
        byte[] periodStart = new byte[10];
        while (csv.next()) {
            CsvBytes row = csv.row();
            byte[] b = row.bytes();
            PeriodType type = row.wellFormedUtf8() && minerals.contains(b, row.start(mineral), row.end(mineral))
                    && presentText(row, unitCurrency) && presentText(row, source) && plainDecimal(row, price)
                    ? type(row, periodType) : null;
            if (type != null && periodStart(row, date, type, periodStart)) {
                int year = number(periodStart, 0, 4);
                int month = number(periodStart, 5, 2);
                if (errors.none()) {
                    text(row, mineral, copy);
                    text(row, date, copy);
                    text(row, periodType, copy);
                    int day = copy.date(year, type == PeriodType.MONTH_OR_POINT ? month : 1, 1);
                    copy.numeric(b, row.start(price), row.end(price));
                    text(row, unitCurrency, copy);
                    optional(row, series, copy);
                    optional(row, basis, copy);
                    text(row, source, copy);
                    copy.endRow(row.line(), sortKey(b, row.start(mineral), row.end(mineral), day));
                }
                continue;
            }
            String rawPrice = csv.get(price);
            BigDecimal amount = null;
            if (rawPrice != null) {
                try {
                    amount = new BigDecimal(rawPrice);
                } catch (NumberFormatException e) {
                    errors.add(new FieldError(csv.line(), "price", "not a number: '" + rawPrice + "'"));
                    continue;
                }
            }
            copyChecked(csv.line(), new PriceInput(csv.get(mineral), csv.get(date), csv.get(periodType), amount,
                    csv.get(unitCurrency), csv.get(series), csv.get(basis), csv.get(source)), knownMinerals, errors,
                    scratch, copy);
        }
    }

    /** Checks one price with {@link PriceInputValidator}; copies it when it and every row before it passed. */
    static void copyChecked(long line, PriceInput in, Set<String> knownMinerals, BatchErrors errors,
            List<FieldError> scratch, CopyRows copy) throws SQLException {
        scratch.clear();
        var valid = PriceInputValidator.validate(in, knownMinerals, line, scratch);
        scratch.forEach(errors::add);
        if (valid.isPresent() && errors.none()) {
            copy.text(in.mineral());
            copy.text(in.date());
            copy.text(valid.get().type().code());
            int day = copy.date(valid.get().periodStart());
            byte[] price = in.price().toPlainString().getBytes(StandardCharsets.US_ASCII);
            copy.numeric(price, 0, price.length);
            copy.text(in.unitCurrency());
            copy.text(in.series());
            copy.text(in.basis());
            copy.text(in.source());
            byte[] mineral = in.mineral().getBytes(StandardCharsets.UTF_8);
            copy.endRow(line, sortKey(mineral, 0, mineral.length, day));
        }
    }

    /**
     * The row's place in its window: its mineral id (a 24-bit hash of its UTF-8 bytes: equal ids, equal keys; two
     * ids sharing a hash only share a group), then the first day of its period.
     */
    static long sortKey(byte[] mineral, int from, int to, int day) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + mineral[i];
        }
        return (long) (h & 0xFFFFFF) << 23 | (day + DAY_OFFSET);
    }

    /** Present and not blank: its first byte (the field is trimmed) is ASCII and not white space. */
    private static boolean presentText(CsvBytes row, int field) {
        return !row.isEmpty(field) && row.bytes()[row.start(field)] >= 0;
    }

    /** Digits, optionally a point and more digits: what BigDecimal and PostgreSQL's numeric read alike, not negative. */
    private static boolean plainDecimal(CsvBytes row, int field) {
        byte[] b = row.bytes();
        int from = row.start(field);
        int to = row.end(field);
        if (to - from == 0 || to - from > MAX_FAST_PRICE_LENGTH || !digit(b[from]) || !digit(b[to - 1])) {
            return false;
        }
        boolean point = false;
        for (int i = from + 1; i < to - 1; i++) {
            if (b[i] == '.' && !point) {
                point = true;
            } else if (!digit(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static PeriodType type(CsvBytes row, int field) {
        byte[] b = row.bytes();
        for (PeriodType type : TYPES) {
            byte[] code = TYPE_CODES[type.ordinal()];
            if (java.util.Arrays.equals(code, 0, code.length, b, row.start(field), row.end(field))) {
                return type;
            }
        }
        return null;
    }

    /**
     * The first day of the period as {@code YYYY-MM-DD} into {@code out}, for a date of exactly the type's format
     * ({@code YYYY} or {@code YYYY-MM} with a month 01-12), as {@link PeriodType#periodStart} would give it.
     */
    private static boolean periodStart(CsvBytes row, int field, PeriodType type, byte[] out) {
        byte[] b = row.bytes();
        int from = row.start(field);
        int length = row.end(field) - from;
        boolean monthly = type == PeriodType.MONTH_OR_POINT;
        if (length != (monthly ? 7 : 4)) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (!digit(b[from + i])) {
                return false;
            }
            out[i] = b[from + i];
        }
        if (out[0] == '0' && out[1] == '0' && out[2] == '0' && out[3] == '0') {
            return false; // year 0: left to the validator, which refuses it
        }
        out[4] = '-';
        out[7] = '-';
        out[8] = '0';
        out[9] = '1';
        if (!monthly) {
            out[5] = '0';
            out[6] = '1';
            return true;
        }
        byte tens = b[from + 5];
        byte ones = b[from + 6];
        if (b[from + 4] != '-' || !digit(tens) || !digit(ones)) {
            return false;
        }
        int month = (tens - '0') * 10 + ones - '0';
        if (month < 1 || month > 12) {
            return false;
        }
        out[5] = tens;
        out[6] = ones;
        return true;
    }

    private static void optional(CsvBytes row, int field, CopyRows copy) {
        if (field < 0 || row.isEmpty(field)) {
            copy.nullValue();
        } else {
            text(row, field, copy);
        }
    }

    /** A field's text as it is stored: a quoted field's doubled quotes become single ones. */
    private static void text(CsvBytes row, int field, CopyRows copy) {
        if (row.escaped(field)) {
            copy.textUnescaping(row.bytes(), row.start(field), row.end(field));
        } else {
            copy.text(row.bytes(), row.start(field), row.end(field));
        }
    }

    private static int number(byte[] digits, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            value = value * 10 + digits[i] - '0';
        }
        return value;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }
}
