package org.lodestone.country.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lodestone.country.DependenceIndicator;
import org.lodestone.country.DependenceIndicatorRepository;
import org.lodestone.country.api.ImportDependenceView;
import org.lodestone.country.api.MemberDependenceView;
import org.lodestone.country.mapping.CountryMapper;

/**
 * Net import reliance and China's share of imports per country and mineral, the inputs of mineral-service's
 * exposure score. Where several rows of one indicator exist for a country and mineral, the first recorded wins
 * (the seed lists the broadest scope first); the others stay visible in {@code Country.dependencies}.
 */
@ApplicationScoped
@Transactional
public class ImportDependenceService {

    public static final String NET_IMPORT_RELIANCE = "net_import_reliance";
    public static final String CHINA_SHARE_OF_IMPORTS = "china_share_of_imports";
    private static final Set<String> INDICATORS = Set.of(NET_IMPORT_RELIANCE, CHINA_SHARE_OF_IMPORTS);

    @Inject
    DependenceIndicatorRepository indicators;

    /** Per country (lined up with {@code countryCodes}), per mineral in first-recorded order; one statement. */
    public List<List<ImportDependenceView>> forCountries(List<String> countryCodes) {
        Map<String, Map<String, Figures>> byCountry = new LinkedHashMap<>();
        countryCodes.forEach(code -> byCountry.put(code, new LinkedHashMap<>()));
        indicators.findByIndicators(countryCodes.stream().distinct().toList(), INDICATORS)
                .forEach(row -> byCountry.get(row.countryCode)
                        .computeIfAbsent(row.mineralId, m -> new Figures()).add(row));
        return countryCodes.stream().map(code -> byCountry.get(code).entrySet().stream()
                .map(e -> e.getValue().toView(e.getKey())).toList()).toList();
    }

    /**
     * Per mineral (lined up with {@code mineralIds}), the coalition members with a figure, by country code;
     * one statement for all minerals.
     */
    public List<List<MemberDependenceView>> coalitionMembersFor(List<String> mineralIds) {
        Map<String, Map<String, Figures>> byMineral = new LinkedHashMap<>();
        mineralIds.forEach(id -> byMineral.put(id, new TreeMap<>()));
        indicators.findCoalitionFigures(mineralIds.stream().distinct().toList(), INDICATORS)
                .forEach(row -> byMineral.get(row.mineralId)
                        .computeIfAbsent(row.countryCode, c -> new Figures()).add(row));
        return mineralIds.stream().map(id -> byMineral.get(id).entrySet().stream()
                .map(e -> MemberDependenceView.of(e.getKey(), e.getValue().toView(id))).toList()).toList();
    }

    /** The first row of each indicator, as recorded. */
    private static final class Figures {
        private DependenceIndicator netImportReliance;
        private DependenceIndicator chinaShare;

        void add(DependenceIndicator row) {
            if (NET_IMPORT_RELIANCE.equals(row.indicator) && netImportReliance == null) {
                netImportReliance = row;
            } else if (CHINA_SHARE_OF_IMPORTS.equals(row.indicator) && chinaShare == null) {
                chinaShare = row;
            }
        }

        ImportDependenceView toView(String mineralId) {
            DependenceIndicator n = netImportReliance;
            DependenceIndicator c = chinaShare;
            return new ImportDependenceView(mineralId,
                    n == null ? null : n.value, n == null ? null : n.valueText, n == null ? null : n.period,
                    n == null ? null : n.unit, n == null ? null : CountryMapper.toView(n.source),
                    c == null ? null : c.value, c == null ? null : c.valueText, c == null ? null : c.period,
                    c == null ? null : c.unit, c == null ? null : CountryMapper.toView(c.source));
        }
    }
}
