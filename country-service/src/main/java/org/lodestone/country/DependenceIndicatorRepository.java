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
}
