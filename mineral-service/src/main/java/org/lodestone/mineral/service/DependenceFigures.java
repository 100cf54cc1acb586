package org.lodestone.mineral.service;

/**
 * What country-service publishes about one country's import dependence for one mineral, as passed through
 * federation: net import reliance (% of apparent consumption) and China's share of the country's imports.
 */
public record DependenceFigures(String countryCode, String mineralId, Double netImportReliancePct,
        Double chinaShareOfImportsPct) {
}
