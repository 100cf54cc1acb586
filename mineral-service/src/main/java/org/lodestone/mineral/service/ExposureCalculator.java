package org.lodestone.mineral.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lodestone.mineral.api.ChinaRefiningShare;
import org.lodestone.mineral.api.DependenceFigures;
import org.lodestone.mineral.api.ExposureDto;

/**
 * Exposure of a country to China for one mineral.
 * <p>
 * {@code exposureScore = NIR x S / 100}, on a 0..100 scale, where NIR is the country's net import reliance
 * (% of apparent consumption) and S is China's share of the country's imports of the mineral when the country
 * data has it, else China's share of world refining as a proxy (named in {@code scoreBasis}). It reads as
 * "roughly what per cent of the country's consumption arrives from China".
 * <p>
 * Where it misleads: NIR and S come from different periods and product scopes (e.g. NIR 2025e vs imports
 * 2021-2024; metal vs compounds); a bound such as "&gt;50" enters as 50, so the score is then a lower bound;
 * direct import shares miss Chinese material reaching the country through third countries (processed
 * elsewhere), so they understate dependence, while the refining proxy assumes imports mirror world refining.
 * Null, with reasons in {@code missing}, when NIR is unknown or neither share is known: nothing is guessed.
 */
public final class ExposureCalculator {

    private ExposureCalculator() {
    }

    public static ExposureDto score(DependenceFigures figures, ChinaRefiningShare refining) {
        String country = figures.countryCode();
        String mineral = figures.mineralId();
        Double nir = figures.netImportReliancePct();
        Double imports = figures.chinaShareOfImportsPct();
        Double refiningShare = refining == null ? null : refining.sharePct();
        List<String> missing = new ArrayList<>();
        if (nir == null) {
            missing.add("no net import reliance figure for " + country + " and " + mineral + " in the country data");
        }
        if (imports == null) {
            missing.add("no China share of " + country + "'s " + mineral + " imports in the country data");
        }
        if (refiningShare == null) {
            missing.add(refining == null || refining.missingReason() == null
                    ? "no China share of world refining of " + mineral + " in the data"
                    : refining.missingReason());
        }
        Double score = null;
        String basis = null;
        if (nir != null && imports != null) {
            score = round(nir * imports / 100.0);
            basis = "net import reliance x China's share of " + country + "'s imports / 100"
                    + precision("net import reliance", figures.netImportRelianceText())
                    + precision("China's share of imports", figures.chinaShareOfImportsText());
        } else if (nir != null && refiningShare != null) {
            score = round(nir * refiningShare / 100.0);
            basis = "net import reliance x China's share of world refining (" + refining.dataset() + " "
                    + refining.year() + ") / 100; PROXY: China's share of " + country + "'s imports is unknown"
                    + precision("net import reliance", figures.netImportRelianceText());
        } else if (nir != null) {
            missing.add("no score: neither China's share of imports nor of world refining is known");
        } else {
            missing.add("no score without net import reliance");
        }
        return new ExposureDto(country, mineral, nir, imports, refiningShare,
                refining == null ? null : refining.dataset(), refining == null ? null : refining.year(),
                refining == null ? null : refining.source(), score, basis, List.copyOf(missing), null);
    }

    /**
     * Highest score first, nulls last (then by country code); ranks are 1, 2, 2, 4 on ties and null for a
     * null score.
     */
    public static List<ExposureDto> rank(List<ExposureDto> exposures) {
        List<ExposureDto> sorted = exposures.stream()
                .sorted(Comparator.comparing(ExposureDto::exposureScore,
                        Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(ExposureDto::countryCode))
                .toList();
        List<ExposureDto> ranked = new ArrayList<>();
        Integer rank = null;
        Double previousScore = null;
        for (int i = 0; i < sorted.size(); i++) {
            ExposureDto exposure = sorted.get(i);
            if (exposure.exposureScore() == null) {
                ranked.add(exposure.withRank(null));
                continue;
            }
            if (!exposure.exposureScore().equals(previousScore)) {
                rank = i + 1;
                previousScore = exposure.exposureScore();
            }
            ranked.add(exposure.withRank(rank));
        }
        return ranked;
    }

    /** Says when a factor was published as a bound or an approximation, so the score is one too. */
    static String precision(String factor, String publishedText) {
        if (publishedText == null || publishedText.isBlank()) {
            return "";
        }
        return switch (publishedText.strip().charAt(0)) {
            case '>' -> "; LOWER BOUND: " + factor + " published as '" + publishedText.strip() + "'";
            case '<' -> "; UPPER BOUND: " + factor + " published as '" + publishedText.strip() + "'";
            case '~' -> "; APPROXIMATE: " + factor + " published as '" + publishedText.strip() + "'";
            default -> "";
        };
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
