package org.lodestone.mineral.service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.mineral.Stage;
import org.lodestone.mineral.api.ChinaRefiningShare;
import org.lodestone.mineral.api.ConcentrationDto;
import org.lodestone.mineral.api.DependenceFigures;
import org.lodestone.mineral.api.ExposureDto;
import org.lodestone.mineral.api.SupplyShareDto;
import org.lodestone.mineral.api.SupplyShareFilter;
import org.lodestone.mineral.config.MineralConfig;
import org.lodestone.support.citation.Citation;

/** Exposure of countries and of the coalition, from dependence figures country-service passes via federation. */
@ApplicationScoped
public class ExposureService {

    private final SupplyShareService shares;
    private final MineralConfig config;

    ExposureService(SupplyShareService shares, MineralConfig config) {
        this.shares = shares;
        this.config = config;
    }

    public List<String> coalitionMembers() {
        return config.coalitionMembers();
    }

    /** China's share of world refining for each mineral, from one query whatever the number of minerals. */
    public Map<String, ChinaRefiningShare> chinaRefiningShares(Collection<String> mineralIds) {
        Map<String, ChinaRefiningShare> result = new LinkedHashMap<>();
        if (mineralIds.isEmpty()) {
            return result;
        }
        List<SupplyShareDto> rows = shares.search(new SupplyShareFilter(mineralIds, Stage.REFINING, null, null, null));
        for (String mineral : mineralIds) {
            result.put(mineral, chinaRefiningShare(mineral, rows));
        }
        return result;
    }

    /** The exposures of one country, in the order of its figures. */
    public List<ExposureDto> exposures(List<DependenceFigures> figures, Map<String, ChinaRefiningShare> refining) {
        return figures.stream().map(f -> ExposureCalculator.score(f, refining.get(f.mineralId()))).toList();
    }

    /**
     * Every coalition member's exposure for one mineral, ranked. A member country-service has no figures for
     * still appears, with a null score and the reason.
     */
    public List<ExposureDto> coalitionExposure(String mineralId, List<DependenceFigures> memberFigures,
            ChinaRefiningShare refining) {
        Map<String, DependenceFigures> byMember = new LinkedHashMap<>();
        memberFigures.forEach(f -> byMember.putIfAbsent(f.countryCode(), f));
        List<ExposureDto> exposures = coalitionMembers().stream()
                .map(member -> ExposureCalculator.score(
                        byMember.getOrDefault(member, new DependenceFigures(member, mineralId, null, null)), refining))
                .toList();
        return ExposureCalculator.rank(exposures);
    }

    static ChinaRefiningShare chinaRefiningShare(String mineral, List<SupplyShareDto> refiningRows) {
        Optional<ConcentrationDto> concentration = ConcentrationCalculator.compute(mineral, Stage.REFINING, null, null,
                refiningRows);
        if (concentration.isEmpty()) {
            return new ChinaRefiningShare(mineral, null, null, null, null,
                    "no refining supply-share table for " + mineral + " in the data");
        }
        ConcentrationDto c = concentration.get();
        if (c.chinaSharePct() == null) {
            return new ChinaRefiningShare(mineral, null, c.dataset(), c.year(), null, "the " + c.dataset() + " "
                    + c.year() + " refining table for " + mineral + " has no China row");
        }
        Citation source = refiningRows.stream()
                .filter(s -> s.mineral().equals(mineral) && s.country().equals("CN") && s.dataset() == c.dataset()
                        && s.year() == c.year() && s.projection() == c.projection())
                .map(SupplyShareDto::source).findFirst().orElse(null);
        return new ChinaRefiningShare(mineral, c.chinaSharePct(), c.dataset(), c.year(), source, null);
    }
}
