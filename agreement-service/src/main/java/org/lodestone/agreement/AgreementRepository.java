package org.lodestone.agreement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaRoot;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.Predicate;

@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, String> {

    /** Null arguments do not filter; {@code type} matches regardless of case. Ordered by id. */
    public List<Agreement> search(String party, String mineral, AgreementStatus status, Visibility visibility,
            String type) {
        HibernateCriteriaBuilder cb = getSession().getCriteriaBuilder();
        JpaCriteriaQuery<Agreement> query = cb.createQuery(Agreement.class);
        JpaRoot<Agreement> a = query.from(Agreement.class);
        List<Predicate> conditions = new ArrayList<>();
        if (party != null) {
            conditions.add(cb.arrayContains(a.<String[]>get("parties"), party));
        }
        if (mineral != null) {
            conditions.add(cb.arrayContains(a.<String[]>get("minerals"), mineral));
        }
        if (status != null) {
            conditions.add(cb.equal(a.get("status"), status));
        }
        if (visibility != null) {
            conditions.add(cb.equal(a.get("visibility"), visibility));
        }
        if (type != null) {
            conditions.add(cb.equal(cb.lower(a.get("type")), type.toLowerCase(Locale.ROOT)));
        }
        query.where(conditions).orderBy(cb.asc(a.get("id")));
        return getEntityManager().createQuery(query).getResultList();
    }

    /** One statement for any number of ids; callers put the rows back in their own order. */
    public List<Agreement> withIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** Agreements with at least one of the countries as a party, ordered by id. */
    public List<Agreement> withAnyParty(Collection<String> countries) {
        return countries.isEmpty() ? List.of()
                : list("array_intersects(parties, :codes)", Sort.by("id"),
                        Parameters.with("codes", countries.toArray(String[]::new)));
    }

    /** Agreements that name at least one of the minerals, ordered by id. */
    public List<Agreement> withAnyMineral(Collection<String> minerals) {
        return minerals.isEmpty() ? List.of()
                : list("array_intersects(minerals, :ids)", Sort.by("id"),
                        Parameters.with("ids", minerals.toArray(String[]::new)));
    }

    /** The row locked for writing (concurrent writers queue up behind it), or null. */
    public Agreement findForUpdate(String id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
