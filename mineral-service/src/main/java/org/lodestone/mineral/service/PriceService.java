package org.lodestone.mineral.service;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lodestone.mineral.PricePoint;
import org.lodestone.mineral.mapping.MineralMapper;
import org.lodestone.support.problem.FieldError;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.support.problem.ResourceNotFoundException;
import org.lodestone.mineral.api.PriceDto;
import org.lodestone.mineral.api.PriceInput;

@ApplicationScoped
public class PriceService {

    private final MineralService minerals;
    private final VersionedCache cache;

    PriceService(MineralService minerals, VersionedCache cache) {
        this.minerals = minerals;
        this.cache = cache;
    }

    /**
     * Price points whose period starts within [from, to]; {@code from}/{@code to} are {@code YYYY} or
     * {@code YYYY-MM} ({@code to=2024} includes all of 2024).
     */
    public List<PriceDto> search(Collection<String> mineralIds, String from, String to, String periodType) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        if (mineralIds != null && !mineralIds.isEmpty()) {
            clauses.add("mineralId in :minerals");
            params.put("minerals", mineralIds);
        }
        if (from != null) {
            LocalDate start = boundary(from, false, "from", errors);
            clauses.add("periodStart >= :from");
            params.put("from", start);
        }
        if (to != null) {
            LocalDate end = boundary(to, true, "to", errors);
            clauses.add("periodStart <= :to");
            params.put("to", end);
        }
        if (periodType != null) {
            if (PeriodType.fromCode(periodType).isEmpty()) {
                errors.add(FieldError.of("periodType", "unknown period type '" + periodType + "'"));
            }
            clauses.add("periodType = :periodType");
            params.put("periodType", periodType);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String where = clauses.isEmpty() ? "" : String.join(" and ", clauses) + " ";
        // unchanged prices are not read again (VersionedCache): price moves around export controls read them all
        return cache.get(VersionedCache.Table.PRICE_POINT, "search", VersionedCache.args(mineralIds == null ? null
                : List.copyOf(mineralIds), from, to, periodType),
                () -> PricePoint.<PricePoint>list(where + "order by mineralId, series, periodStart, id", params)
                        .stream().map(MineralMapper::toDto).toList());
    }

    public PriceDto get(long id) {
        PricePoint point = PricePoint.findById(id);
        if (point == null) {
            throw new ResourceNotFoundException("price point", Long.toString(id));
        }
        return MineralMapper.toDto(point);
    }

    public List<PriceDto> byIds(Collection<Long> ids) {
        return PricePoint.<PricePoint>list("id in ?1 order by id", ids).stream().map(MineralMapper::toDto).toList();
    }

    @Transactional
    public PriceDto record(PriceInput input) {
        List<FieldError> errors = new ArrayList<>();
        PriceInputValidator.ValidPrice valid = PriceInputValidator.validate(input, minerals.knownIds(), null, errors)
                .orElseThrow(() -> new InvalidInputException(
                        errors.stream().map(PriceService::jsonFieldName).toList()));
        PricePoint point = new PricePoint();
        point.mineralId = input.mineral();
        point.period = input.date();
        point.periodType = valid.type().code();
        point.periodStart = valid.periodStart();
        point.price = input.price();
        point.unitCurrency = input.unitCurrency();
        point.series = input.series();
        point.basis = input.basis();
        point.source = input.source();
        point.persist();
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
