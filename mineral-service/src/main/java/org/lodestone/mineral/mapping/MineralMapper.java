package org.lodestone.mineral.mapping;

import java.util.List;

import org.lodestone.mineral.ExportControl;
import org.lodestone.mineral.Mineral;
import org.lodestone.mineral.PricePoint;
import org.lodestone.mineral.ProductionFigure;
import org.lodestone.mineral.SupplyShare;
import org.lodestone.mineral.service.ExportControlDto;
import org.lodestone.mineral.service.MineralDto;
import org.lodestone.mineral.service.PriceDto;
import org.lodestone.mineral.service.ProductionDto;
import org.lodestone.mineral.service.SupplyShareDto;

/** The one place entities become DTOs. */
public final class MineralMapper {

    private MineralMapper() {
    }

    public static MineralDto toDto(Mineral m) {
        return new MineralDto(m.id, m.name, m.symbol, m.unit, m.uses == null ? List.of() : List.copyOf(m.uses),
                SourceParser.parse(m.usesSource));
    }

    public static SupplyShareDto toDto(SupplyShare s) {
        return new SupplyShareDto(s.id, s.mineralId, s.stage, s.countryCode, s.sharePct, s.year, s.dataset, s.basis,
                s.projection, SourceParser.parse(s.source), s.note);
    }

    public static ProductionDto toDto(ProductionFigure p) {
        return new ProductionDto(p.id, p.mineralId, p.countryCode, p.year, p.measure, p.quantity, p.unit, p.basis,
                SourceParser.parse(p.source), p.note);
    }

    public static PriceDto toDto(PricePoint p) {
        return new PriceDto(p.id, p.mineralId, p.period, p.periodType, p.price, p.unitCurrency, p.series, p.basis,
                SourceParser.parse(p.source));
    }

    public static ExportControlDto toDto(ExportControl c, String status) {
        return new ExportControlDto(c.id, c.imposingCountry, List.copyOf(c.mineralIds), List.copyOf(c.targets),
                c.targetsAll, c.measure, c.announcedDate, c.effectiveDate, c.endsDate, c.suspendsId, status,
                c.statusNote, c.summary, SourceParser.parse(c.source));
    }
}
