package org.lodestone.mineral.service;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.mineral.api.IngestionResult;
import org.lodestone.support.problem.FieldError;

/**
 * Bulk price ingestion under the {@link BulkCopy} contract: the body is read row by row, as CSV by
 * {@link PriceRowCopier} or as JSON lines by {@link PriceBatchReader}, and each row checked by the rules of the same
 * {@link PriceInputValidator} as a single price. Once all rows are stored, {@link PriceMoveDetector} looks for price
 * moves in one pass, in the same transaction.
 */
@ApplicationScoped
public class PriceIngestionService {

    public enum Format {
        CSV,
        JSON_LINES
    }

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
        return bulk.copy(body, "price", PriceRowCopier::start, (in, errors, copy) -> {
            List<FieldError> rowErrors = new ArrayList<>();
            if (format == Format.CSV) {
                PriceRowCopier.copyCsv(in, known, errors, rowErrors, copy);
                return;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
            PriceBatchReader.Rows rows = reader.jsonLines(lines, errors);
            for (PriceBatchReader.LineAndInput row = rows.next(); row != null; row = rows.next()) {
                PriceRowCopier.copyChecked(row.line(), row.input(), known, errors, rowErrors, copy);
            }
        }, priceMoves::afterPricesStored);
    }
}
