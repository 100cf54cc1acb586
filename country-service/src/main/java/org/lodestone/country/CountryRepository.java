package org.lodestone.country;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CountryRepository implements PanacheRepositoryBase<Country, String> {

    /** A null group does not filter. */
    public List<Country> search(boolean coalitionOnly, String group) {
        String coalition = "(:coalitionOnly = false or coalitionMember = true)";
        Parameters parameters = Parameters.with("coalitionOnly", coalitionOnly);
        if (group == null) {
            return list(coalition, Sort.by("code"), parameters);
        }
        return list(coalition + " and array_contains(groups, :group)", Sort.by("code"), parameters.and("group", group));
    }

    /** One statement for any number of codes; callers put the rows back in their own order. */
    public List<Country> findByCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return list("code in ?1", codes);
    }
}
