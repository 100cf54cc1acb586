package org.lodestone.country.seed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.lodestone.country.Country;
import org.lodestone.country.DependenceIndicator;
import org.lodestone.country.PolicyMeasure;
import org.lodestone.country.SeedImport;
import org.lodestone.country.ValueQualifier;
import org.lodestone.country.config.CountryServiceConfig;
import org.lodestone.country.mapping.CountryMapper;
import org.lodestone.support.CsvTable;

import io.quarkus.runtime.StartupEvent;

/**
 * Loads {@code seed/countries.csv} and {@code seed/country_dependence.csv} into an empty database, once, in one
 * transaction. A marker row in {@code seed_import} records the import; a table lock keeps two instances starting
 * at the same time from both importing.
 */
@ApplicationScoped
public class SeedImporter {

    static final String SEED_NAME = "countries.csv+country_dependence.csv";

    private static final Logger LOG = Logger.getLogger(SeedImporter.class);

    /** "67", ">50", "~60", "65.5": an optional qualifier and a plain decimal number, nothing else. */
    private static final Pattern FIGURE = Pattern.compile("([<>~]?)\\s*(\\d+(?:\\.\\d+)?)");

    /**
     * Indicators that state a policy rather than a measured dependence, and the measure kind they become.
     * Only these rows of the data describe a policy with a number; nothing else is read into measures.
     */
    private static final Map<String, String> POLICY_INDICATORS = Map.of(
            "stockpile_target_days", "stockpile_target",
            "crma_single_country_cap", "single_supplier_import_cap");

    @Inject
    EntityManager entityManager;

    @Inject
    CountryServiceConfig config;

    void onStart(@Observes StartupEvent event) {
        if (config.seed().enabled()) {
            importSeed();
        }
    }

    /** Returns true when it imported, false when the data set was already there. */
    @Transactional
    public boolean importSeed() {
        entityManager.createNativeQuery("lock table seed_import in exclusive mode").executeUpdate();
        if (entityManager.find(SeedImport.class, SEED_NAME) != null) {
            return false;
        }
        List<Map<String, String>> countryRows = CsvTable.readResource("seed/countries.csv");
        List<Map<String, String>> dependenceRows = CsvTable.readResource("seed/country_dependence.csv");
        countryRows.forEach(row -> entityManager.persist(country(row)));
        entityManager.flush();
        int measures = 0;
        for (Map<String, String> row : dependenceRows) {
            DependenceIndicator indicator = indicator(row);
            entityManager.persist(indicator);
            String kind = POLICY_INDICATORS.get(indicator.indicator);
            if (kind != null) {
                entityManager.persist(policyMeasure(indicator, kind));
                measures++;
            }
        }
        SeedImport marker = new SeedImport();
        marker.name = SEED_NAME;
        marker.importedAt = Instant.now();
        marker.rowCount = countryRows.size() + dependenceRows.size();
        entityManager.persist(marker);
        LOG.infof("Imported %d countries, %d dependence indicators and %d policy measures",
                countryRows.size(), dependenceRows.size(), measures);
        return true;
    }

    private static Country country(Map<String, String> row) {
        Country country = new Country();
        country.code = required(row, "iso2");
        country.name = required(row, "name");
        country.coalitionMember = Boolean.parseBoolean(required(row, "coalition_member"));
        String groups = row.get("groups");
        country.groups = groups == null || groups.isBlank() ? new ArrayList<>()
                : new ArrayList<>(Arrays.stream(groups.split(";")).map(String::strip).filter(g -> !g.isEmpty()).toList());
        country.chinaDependenceSummary = emptyToNull(row.get("china_dependence_summary"));
        country.summarySource = CountryMapper.toSource(row.get("sources"));
        return country;
    }

    private static DependenceIndicator indicator(Map<String, String> row) {
        DependenceIndicator indicator = new DependenceIndicator();
        indicator.countryCode = required(row, "country_iso2");
        indicator.mineralId = required(row, "mineral");
        indicator.indicator = required(row, "indicator");
        indicator.valueText = required(row, "value");
        Matcher figure = FIGURE.matcher(indicator.valueText);
        if (!figure.matches()) {
            // Never guess a number from text we do not understand: stop the import, nothing is written.
            throw new IllegalStateException("Unreadable value '" + indicator.valueText + "' in country_dependence.csv");
        }
        indicator.valueQualifier = figure.group(1).isEmpty() ? null : ValueQualifier.fromSymbol(figure.group(1));
        indicator.value = Double.valueOf(figure.group(2));
        indicator.unit = emptyToNull(row.get("unit"));
        indicator.period = emptyToNull(row.get("period"));
        indicator.note = emptyToNull(row.get("note"));
        indicator.source = CountryMapper.toSource(required(row, "source"));
        indicator.recordedBy = "seed";
        indicator.recordedAt = Instant.now();
        return indicator;
    }

    private static PolicyMeasure policyMeasure(DependenceIndicator indicator, String kind) {
        PolicyMeasure measure = new PolicyMeasure();
        measure.countryCode = indicator.countryCode;
        measure.mineralId = indicator.mineralId;
        measure.kind = kind;
        measure.value = indicator.value;
        measure.unit = indicator.unit;
        measure.period = indicator.period;
        measure.note = indicator.note;
        measure.source = CountryMapper.toSource(indicator.source.citation);
        measure.indicatorId = indicator.id;
        return measure;
    }

    private static String required(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Seed row " + row + " has no " + column);
        }
        return value.strip();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
