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
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (countryCodes != null) {
            if (countryCodes.isEmpty()) {
                return List.of();
            }
            where.append(" and countryCode in :countries");
            parameters.and("countries", countryCodes);
        }
        if (mineralId != null) {
            where.append(" and mineralId = :mineral");
            parameters.and("mineral", mineralId);
        }
        if (indicator != null) {
            where.append(" and indicator = :indicator");
            parameters.and("indicator", indicator);
        }
        return list(where.toString(), Sort.by("countryCode").and("id"), parameters);
    }

    /** Rows of the given indicators for the countries (null: any) in recording order; one statement. */
    public List<DependenceIndicator> findByIndicators(Collection<String> countryCodes, Collection<String> mineralIds,
            Collection<String> indicatorNames) {
        if ((countryCodes != null && countryCodes.isEmpty()) || (mineralIds != null && mineralIds.isEmpty())) {
            return List.of();
        }
        StringBuilder where = new StringBuilder("indicator in :indicators");
        Parameters parameters = Parameters.with("indicators", indicatorNames);
        if (countryCodes != null) {
            where.append(" and countryCode in :countries");
            parameters.and("countries", countryCodes);
        }
        if (mineralIds != null) {
            where.append(" and mineralId in :minerals");
            parameters.and("minerals", mineralIds);
        }
        return list(where.toString(), Sort.by("id"), parameters);
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
