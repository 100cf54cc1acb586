package org.lodestone.mineral;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.support.query.FilteredQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ProductionFigureRepository implements PanacheRepositoryBase<ProductionFigure, Long> {

    /** Null means "any". */
    public List<ProductionFigure> search(String mineral, String country, Integer year, String measure) {
        return FilteredQuery.of(getEntityManager(), ProductionFigure.class)
                .equal("mineralId", mineral)
                .equal("countryCode", country)
                .equal("year", year)
                .equal("measure", measure)
                .list(Sort.by("mineralId").and("measure").and("year").and("countryCode"));
    }

    public List<ProductionFigure> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", Sort.by("id"), ids);
    }
}
