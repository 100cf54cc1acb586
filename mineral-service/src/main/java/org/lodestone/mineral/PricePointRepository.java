package org.lodestone.mineral;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.support.query.FilteredQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PricePointRepository implements PanacheRepositoryBase<PricePoint, Long> {

    /** Null or empty means "any"; {@code from} and {@code to} bound the first day of the point's period. */
    public List<PricePoint> search(Collection<String> minerals, LocalDate from, LocalDate to, String periodType) {
        return FilteredQuery.of(getEntityManager(), PricePoint.class)
                .in("mineralId", minerals)
                .bound("periodStart", from, false)
                .bound("periodStart", to, true)
                .equal("periodType", periodType)
                .list(Sort.by("mineralId").and("series").and("periodStart").and("id"));
    }

    public List<PricePoint> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", Sort.by("id"), ids);
    }
}
