package org.lodestone.mineral.mapping;

import java.time.LocalDate;
import java.util.List;

import org.lodestone.mineral.ExportControl;
import org.lodestone.mineral.Mineral;
import org.lodestone.mineral.PricePoint;
import org.lodestone.mineral.ProductionFigure;
import org.lodestone.mineral.SupplyShare;
import org.lodestone.mineral.api.ExportControlDto;
import org.lodestone.mineral.api.MineralDto;
import org.lodestone.mineral.api.NewExportControl;
import org.lodestone.mineral.api.PriceDto;
import org.lodestone.mineral.api.PriceInput;
import org.lodestone.mineral.api.ProductionDto;
import org.lodestone.mineral.api.SupplyShareDto;
import org.lodestone.support.citation.Citation;
import org.lodestone.support.citation.CitationParser;

/** The one place entities become DTOs, and input records entities. */
public final class MineralMapper {

    private MineralMapper() {
    }

    public static MineralDto toDto(Mineral m) {
        return new MineralDto(m.id, m.name, m.symbol, m.unit, m.uses == null ? List.of() : List.copyOf(m.uses),
                toSource(m.usesSource));
    }

    public static SupplyShareDto toDto(SupplyShare s) {
        return new SupplyShareDto(s.id, s.mineralId, s.stage, s.countryCode, s.sharePct, s.year, s.dataset, s.basis,
                s.projection, toSource(s.source), s.note);
    }

    public static ProductionDto toDto(ProductionFigure p) {
        return new ProductionDto(p.id, p.mineralId, p.countryCode, p.year, p.measure, p.quantity, p.unit, p.basis,
                toSource(p.source), p.note);
    }

    public static PriceDto toDto(PricePoint p) {
        return new PriceDto(p.id, p.mineralId, p.period, p.periodType, p.price, p.unitCurrency, p.series, p.basis,
                toSource(p.source));
    }

    public static ExportControlDto toDto(ExportControl c, String status) {
        return new ExportControlDto(c.id, c.imposingCountry, List.copyOf(c.mineralIds), List.copyOf(c.targets),
                c.targetsAll, c.measure, c.announcedDate, c.effectiveDate, c.endsDate, c.suspendsId, status,
                c.statusNote, c.summary, toSource(c.source));
    }

    /** A validated control as stored; {@code recordedAt} is filled by the database. */
    public static ExportControl toEntity(NewExportControl valid, String recordedBy) {
        ExportControl control = new ExportControl();
        control.id = valid.id();
        control.imposingCountry = valid.imposingCountry();
        control.mineralIds = List.copyOf(valid.minerals());
        control.targets = List.copyOf(valid.targets());
        control.targetsAll = Boolean.TRUE.equals(valid.targetsAll());
        control.measure = valid.measure();
        control.announcedDate = valid.announcedDate();
        control.effectiveDate = valid.effectiveDate();
        control.endsDate = valid.endsDate();
        control.suspendsId = valid.suspends();
        control.summary = valid.summary();
        control.source = valid.source();
        control.statusNote = valid.statusNote();
        control.recordedBy = recordedBy;
        return control;
    }

    /** A validated price as stored, with the period's type and first day as the validator read them. */
    public static PricePoint toEntity(PriceInput valid, String periodType, LocalDate periodStart) {
        PricePoint point = new PricePoint();
        point.mineralId = valid.mineral();
        point.period = valid.date();
        point.periodType = periodType;
        point.periodStart = periodStart;
        point.price = valid.price();
        point.unitCurrency = valid.unitCurrency();
        point.series = valid.series();
        point.basis = valid.basis();
        point.source = valid.source();
        return point;
    }

    /** The parts of a source citation, read once by the shared parser; null for a blank citation. */
    public static Citation toSource(String citationText) {
        return CitationParser.parse(citationText);
    }
}
