package org.lodestone.country.service;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lodestone.country.Country;
import org.lodestone.country.CountryRepository;
import org.lodestone.country.api.CountryView;
import org.lodestone.country.mapping.CountryMapper;
import org.lodestone.support.problem.ResourceNotFoundException;

@ApplicationScoped
@Transactional
public class CountryService {

    @Inject
    CountryRepository countries;

    public List<CountryView> list(boolean coalitionOnly, String group) {
        return countries.search(coalitionOnly, blankToNull(group)).stream().map(CountryMapper::toView).toList();
    }

    public Optional<CountryView> find(String code) {
        return countries.findByIdOptional(code).map(CountryMapper::toView);
    }

    public CountryView get(String code) {
        return find(code).orElseThrow(() -> new ResourceNotFoundException("country", code));
    }

    public boolean exists(String code) {
        return code != null && countries.count("code", code) > 0;
    }

    /**
     * Resolves many codes with one statement. The answer lines up with {@code codes}: same length, same order,
     * null where a code is unknown (what federation's {@code _entities} expects).
     */
    public List<CountryView> resolve(List<String> codes) {
        Map<String, Country> byCode = countries.findByCodes(codes.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(country -> country.code, Function.identity()));
        return codes.stream()
                .map(code -> byCode.containsKey(code) ? CountryMapper.toView(byCode.get(code)) : null)
                .toList();
    }

    /** The known countries among {@code codes}, in the order asked, narrowed by the same filters as {@link #list}. */
    public List<CountryView> findMany(List<String> codes, boolean coalitionOnly, String group) {
        String wantedGroup = blankToNull(group);
        return resolve(codes).stream()
                .filter(Objects::nonNull)
                .filter(country -> !coalitionOnly || country.coalitionMember())
                .filter(country -> wantedGroup == null || country.groups().contains(wantedGroup))
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
