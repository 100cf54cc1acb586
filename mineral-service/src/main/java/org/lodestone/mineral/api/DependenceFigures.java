package org.lodestone.mineral.api;

/**
 * What country-service publishes about one country's import dependence for one mineral, as passed through
 * federation: net import reliance (% of apparent consumption) and China's share of the country's imports, each
 * with its published text (">50", "~60"; null when not passed).
 */
public record DependenceFigures(String countryCode, String mineralId, Double netImportReliancePct,
        String netImportRelianceText, Double chinaShareOfImportsPct, String chinaShareOfImportsText) {

    public DependenceFigures(String countryCode, String mineralId, Double netImportReliancePct,
            Double chinaShareOfImportsPct) {
        this(countryCode, mineralId, netImportReliancePct, null, chinaShareOfImportsPct, null);
    }
}
