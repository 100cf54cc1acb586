package org.lodestone.mineral;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.mineral.api.SupplyShareFilter;
import org.lodestone.support.query.FilteredQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SupplyShareRepository implements PanacheRepositoryBase<SupplyShare, Long> {

    public List<SupplyShare> search(SupplyShareFilter filter) {
        return FilteredQuery.of(getEntityManager(), SupplyShare.class)
                .in("mineralId", filter.minerals())
                .in("countryCode", filter.countries())
                .equal("stage", filter.stage())
                .equal("year", filter.year())
                .equal("dataset", filter.dataset())
                .list(Sort.by("mineralId").and("stage").and("year").and("dataset")
                        .and("sharePct", Sort.Direction.Descending).and("countryCode"));
    }

    public List<SupplyShare> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", Sort.by("id"), ids);
    }
}
