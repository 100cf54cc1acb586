package org.lodestone.country.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lodestone.country.DependenceIndicator;
import org.lodestone.country.DependenceIndicatorRepository;
import org.lodestone.country.PolicyMeasureRepository;
import org.lodestone.country.api.DependenceIndicatorView;
import org.lodestone.country.api.NewDependenceIndicator;
import org.lodestone.country.api.PolicyMeasureView;
import org.lodestone.country.mapping.CountryMapper;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.support.problem.ResourceNotFoundException;

/** Dependence indicators and policy measures per country. */
@ApplicationScoped
@Transactional
public class DependenceService {

    @Inject
    DependenceIndicatorRepository indicators;

    @Inject
    PolicyMeasureRepository policyMeasures;

    @Inject
    CountryService countries;

    /** Null arguments do not filter. */
    public List<DependenceIndicatorView> search(String countryCode, String mineralId, String indicator) {
        List<String> countryFilter = countryCode == null ? null : List.of(countryCode);
        return indicators.search(countryFilter, mineralId, indicator).stream().map(CountryMapper::toView).toList();
    }

    public List<DependenceIndicatorView> forCountry(String countryCode, String mineralId, String indicator) {
        requireCountry(countryCode);
        return search(countryCode, mineralId, indicator);
    }

    /** The indicators of each country, lined up with {@code countryCodes}; one statement for all of them. */
    public List<List<DependenceIndicatorView>> forCountries(List<String> countryCodes, String mineralId) {
        Map<String, List<DependenceIndicatorView>> byCountry = groupByCountry(countryCodes);
        indicators.search(countryCodes.stream().distinct().toList(), mineralId, null)
                .forEach(row -> byCountry.get(row.countryCode).add(CountryMapper.toView(row)));
        return countryCodes.stream().map(code -> List.copyOf(byCountry.get(code))).toList();
    }

    public DependenceIndicatorView get(long id) {
        return indicators.findByIdOptional(id).map(CountryMapper::toView)
                .orElseThrow(() -> new ResourceNotFoundException("dependence indicator", id));
    }

    public List<PolicyMeasureView> policyMeasures(String countryCode) {
        requireCountry(countryCode);
        return policyMeasures.findByCountries(List.of(countryCode)).stream().map(CountryMapper::toView).toList();
    }

    /** The policy measures of each country, lined up with {@code countryCodes}; one statement for all. */
    public List<List<PolicyMeasureView>> policyMeasuresFor(List<String> countryCodes) {
        Map<String, List<PolicyMeasureView>> byCountry = new LinkedHashMap<>();
        countryCodes.forEach(code -> byCountry.put(code, new ArrayList<>()));
        policyMeasures.findByCountries(countryCodes.stream().distinct().toList())
                .forEach(row -> byCountry.get(row.countryCode).add(CountryMapper.toView(row)));
        return countryCodes.stream().map(code -> List.copyOf(byCountry.get(code))).toList();
    }

    @RolesAllowed({ "analyst", "admin" })
    public DependenceIndicatorView record(String countryCode, NewDependenceIndicator input, String recordedBy) {
        if (!CountryCodes.isAssignable(countryCode) || !countries.exists(countryCode)) {
            throw InvalidInputException.of("countryCode", "unknown country code '" + countryCode
                    + "' (expected an ISO 3166-1 alpha-2 code or EU that this service knows)");
        }
        if (input.unit().strip().startsWith("%") && input.value() > 100) {
            throw InvalidInputException.of("value", "a percentage cannot exceed 100");
        }
        DependenceIndicator row = new DependenceIndicator();
        row.countryCode = countryCode;
        row.mineralId = input.mineral();
        row.indicator = input.indicator();
        row.value = input.value();
        row.valueQualifier = input.valueQualifier();
        row.valueText = (input.valueQualifier() == null ? "" : input.valueQualifier().symbol())
                + stripTrailingZero(input.value());
        row.unit = input.unit().strip();
        row.period = input.period().strip();
        row.note = input.note();
        row.source = CountryMapper.toSource(input.source());
        row.recordedBy = recordedBy;
        row.recordedAt = Instant.now();
        indicators.persist(row);
        return CountryMapper.toView(row);
    }

    private void requireCountry(String countryCode) {
        if (!countries.exists(countryCode)) {
            throw new ResourceNotFoundException("country", countryCode);
        }
    }

    private static Map<String, List<DependenceIndicatorView>> groupByCountry(List<String> countryCodes) {
        Map<String, List<DependenceIndicatorView>> byCountry = new LinkedHashMap<>();
        countryCodes.forEach(code -> byCountry.put(code, new ArrayList<>()));
        return byCountry;
    }

    private static String stripTrailingZero(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
