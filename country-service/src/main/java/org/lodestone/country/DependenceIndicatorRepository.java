package org.lodestone.country;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DependenceIndicatorRepository implements PanacheRepository<DependenceIndicator> {

    /** Null arguments do not filter. One statement for any number of countries. */
    public List<DependenceIndicator> search(Collection<String> countryCodes, String mineralId, String indicator) {
        if (countryCodes != null && countryCodes.isEmpty()) {
            return List.of();
        }
        String byMineralAndIndicator = "(:mineral is null or mineralId = :mineral)"
                + " and (:indicator is null or indicator = :indicator)";
        Parameters parameters = Parameters.with("mineral", mineralId).and("indicator", indicator);
        Sort sort = Sort.by("countryCode").and("id");
        if (countryCodes == null) {
            return list(byMineralAndIndicator, sort, parameters);
        }
        return list("countryCode in :countries and " + byMineralAndIndicator, sort,
                parameters.and("countries", countryCodes));
    }

    /** Rows of the given indicators for the countries in recording order; one statement. */
    public List<DependenceIndicator> findByIndicators(Collection<String> countryCodes,
            Collection<String> indicatorNames) {
        if (countryCodes.isEmpty()) {
            return List.of();
        }
        return list("indicator in :indicators and countryCode in :countries", Sort.by("id"),
                Parameters.with("indicators", indicatorNames).and("countries", countryCodes));
    }

    /** Rows of the given indicators for the minerals, coalition members only, in recording order; one statement. */
    public List<DependenceIndicator> findCoalitionFigures(Collection<String> mineralIds,
            Collection<String> indicatorNames) {
        if (mineralIds.isEmpty()) {
            return List.of();
        }
        return list("indicator in :indicators and mineralId in :minerals and countryCode in "
                + "(select c.code from Country c where c.coalitionMember = true)", Sort.by("id"),
                Parameters.with("indicators", indicatorNames).and("minerals", mineralIds));
    }
}
