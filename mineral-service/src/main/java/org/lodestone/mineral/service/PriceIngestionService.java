package org.lodestone.mineral.service;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.mineral.api.IngestionResult;
import org.lodestone.mineral.api.PriceInput;
import org.lodestone.support.problem.FieldError;

/**
 * Bulk price ingestion under the {@link BulkCopy} contract: the body is read row by row by {@link PriceBatchReader},
 * as CSV or as JSON lines, and each row checked by the same {@link PriceInputValidator} as a single price. Once all
 * rows are stored, {@link PriceMoveDetector} looks for price moves in one pass, in the same transaction.
 */
@ApplicationScoped
public class PriceIngestionService {

    public enum Format {
        CSV,
        JSON_LINES
    }

    private static final String COLUMNS =
            "mineral_id, period, period_type, period_start, price, unit_currency, series, basis, source";

    private final MineralService minerals;
    private final PriceBatchReader reader;
    private final BulkCopy bulk;
    private final PriceMoveDetector priceMoves;

    PriceIngestionService(MineralService minerals, PriceBatchReader reader, BulkCopy bulk,
            PriceMoveDetector priceMoves) {
        this.minerals = minerals;
        this.reader = reader;
        this.bulk = bulk;
        this.priceMoves = priceMoves;
    }

    /** {@code declaredLength}: the request's Content-Length, if it has one. */
    public IngestionResult ingest(InputStream body, Long declaredLength, Format format) {
        bulk.refuseOversized(declaredLength);
        Set<String> known = minerals.knownIds();
        return bulk.copy(body, "price", "price_point", COLUMNS, (lines, errors, copy) -> {
            PriceBatchReader.Rows rows = reader.rows(lines, format, errors);
            List<FieldError> rowErrors = new ArrayList<>();
            for (PriceBatchReader.LineAndInput row = rows.next(); row != null; row = rows.next()) {
                rowErrors.clear();
                var valid = PriceInputValidator.validate(row.input(), known, row.line(), rowErrors);
                rowErrors.forEach(errors::add);
                if (valid.isPresent() && errors.none()) {
                    PriceInput in = row.input();
                    copy.row(row.line(), in.mineral(), in.date(), valid.get().type().code(),
                            valid.get().periodStart(), in.price().toPlainString(), in.unitCurrency(), in.series(),
                            in.basis(), in.source());
                }
            }
        }, priceMoves::afterPricesStored);
    }
}
