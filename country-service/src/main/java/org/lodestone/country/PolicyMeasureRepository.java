package org.lodestone.country;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PolicyMeasureRepository implements PanacheRepository<PolicyMeasure> {

    public List<PolicyMeasure> findByCountries(Collection<String> countryCodes) {
        if (countryCodes.isEmpty()) {
            return List.of();
        }
        return list("countryCode in ?1", Sort.by("countryCode").and("id"), countryCodes);
    }
}
