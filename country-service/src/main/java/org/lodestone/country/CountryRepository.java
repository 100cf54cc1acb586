package org.lodestone.country;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CountryRepository implements PanacheRepositoryBase<Country, String> {

    public List<Country> search(boolean coalitionOnly, String group) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (coalitionOnly) {
            where.append(" and coalitionMember = true");
        }
        if (group != null) {
            where.append(" and array_contains(groups, :group)");
            parameters.and("group", group);
        }
        return list(where.toString(), Sort.by("code"), parameters);
    }

    /** One statement for any number of codes; callers put the rows back in their own order. */
    public List<Country> findByCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return list("code in ?1", codes);
    }
}
