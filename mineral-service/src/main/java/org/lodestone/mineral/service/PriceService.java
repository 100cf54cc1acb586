package org.lodestone.mineral.service;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lodestone.mineral.PricePoint;
import org.lodestone.mineral.PricePointRepository;
import org.lodestone.mineral.mapping.MineralMapper;
import org.lodestone.support.problem.FieldError;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.support.problem.ResourceNotFoundException;
import org.lodestone.mineral.api.PriceDto;
import org.lodestone.mineral.api.PriceInput;

@ApplicationScoped
public class PriceService {

    private final PricePointRepository points;
    private final MineralService minerals;
    private final VersionedCache cache;
    private final PriceMoveDetector priceMoves;

    PriceService(PricePointRepository points, MineralService minerals, VersionedCache cache,
            PriceMoveDetector priceMoves) {
        this.points = points;
        this.minerals = minerals;
        this.cache = cache;
        this.priceMoves = priceMoves;
    }

    /**
     * Price points whose period starts within [from, to]; {@code from}/{@code to} are {@code YYYY} or
     * {@code YYYY-MM} ({@code to=2024} includes all of 2024).
     */
    public List<PriceDto> search(Collection<String> mineralIds, String from, String to, String periodType) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = from == null ? null : boundary(from, false, "from", errors);
        LocalDate end = to == null ? null : boundary(to, true, "to", errors);
        if (periodType != null && PeriodType.fromCode(periodType).isEmpty()) {
            errors.add(FieldError.of("periodType", "unknown period type '" + periodType + "'"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // unchanged prices are not read again (VersionedCache): price moves around export controls read them all
        return cache.get(VersionedCache.Table.PRICE_POINT, "search", VersionedCache.args(mineralIds == null ? null
                : List.copyOf(mineralIds), from, to, periodType),
                () -> points.search(mineralIds, start, end, periodType).stream().map(MineralMapper::toDto).toList());
    }

    public PriceDto get(long id) {
        PricePoint point = points.findById(id);
        if (point == null) {
            throw new ResourceNotFoundException("price point", Long.toString(id));
        }
        return MineralMapper.toDto(point);
    }

    public List<PriceDto> byIds(Collection<Long> ids) {
        return points.byIds(ids).stream().map(MineralMapper::toDto).toList();
    }

    /** Stores one point; a PRICE_MOVE it causes is written in the same transaction ({@link PriceMoveDetector}). */
    @Transactional
    public PriceDto record(PriceInput input) {
        List<FieldError> errors = new ArrayList<>();
        PriceInputValidator.ValidPrice valid = PriceInputValidator.validate(input, minerals.knownIds(), null, errors)
                .orElseThrow(() -> new InvalidInputException(
                        errors.stream().map(PriceService::jsonFieldName).toList()));
        PricePoint point = MineralMapper.toEntity(input, valid.type().code(), valid.periodStart());
        points.persist(point);
        priceMoves.afterPricesStored();
        return MineralMapper.toDto(point);
    }

    /** The validator names columns as in CSV; a JSON body uses the record's property names. */
    private static FieldError jsonFieldName(FieldError error) {
        String field = switch (error.field()) {
            case "period_type" -> "periodType";
            case "unit_currency" -> "unitCurrency";
            default -> error.field();
        };
        return new FieldError(error.line(), field, error.reason());
    }

    private static LocalDate boundary(String value, boolean end, String field, List<FieldError> errors) {
        try {
            if (value.matches("\\d{4}")) {
                Year year = Year.parse(value);
                return end ? year.atMonth(12).atEndOfMonth() : year.atDay(1);
            }
            if (value.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(value);
                return end ? month.atEndOfMonth() : month.atDay(1);
            }
        } catch (DateTimeParseException e) {
            // reported below like any other malformed value
        }
        errors.add(FieldError.of(field, "expected YYYY or YYYY-MM, got '" + value + "'"));
        return LocalDate.MIN;
    }
}
