package org.lodestone.agreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaEntityJoin;
import org.hibernate.query.criteria.JpaRoot;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;

/**
 * Commitments are read together with their agreement (whose visibility decides who may see them) and their latest
 * progress (which decides their status): every read here is one statement, whatever the number of commitments.
 */
@ApplicationScoped
public class CommitmentRepository implements PanacheRepositoryBase<Commitment, String> {

    /** A commitment with its agreement and its latest progress report (null when nothing was reported). */
    public record Row(Commitment commitment, Agreement agreement, LatestProgress latest) {
    }

    /** Null arguments do not filter; {@code dueFrom} and {@code dueUntil} are inclusive, {@code dueBefore} is not. */
    public List<Row> search(String obligor, String agreementId, LocalDate dueBefore, LocalDate dueFrom,
            LocalDate dueUntil) {
        return rows((cb, c, a) -> {
            List<Predicate> conditions = new ArrayList<>();
            if (obligor != null) {
                conditions.add(cb.equal(c.get("obligor"), obligor));
            }
            if (agreementId != null) {
                conditions.add(cb.equal(c.get("agreementId"), agreementId));
            }
            if (dueBefore != null) {
                conditions.add(cb.lessThan(c.get("dueOn"), dueBefore));
            }
            if (dueFrom != null) {
                conditions.add(cb.greaterThanOrEqualTo(c.get("dueOn"), dueFrom));
            }
            if (dueUntil != null) {
                conditions.add(cb.lessThanOrEqualTo(c.get("dueOn"), dueUntil));
            }
            return cb.and(conditions);
        });
    }

    public List<Row> all() {
        return rows((cb, c, a) -> cb.conjunction());
    }

    public List<Row> byIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : rows((cb, c, a) -> c.get("id").in(ids));
    }

    public List<Row> byAgreements(Collection<String> agreementIds) {
        return agreementIds.isEmpty() ? List.of() : rows((cb, c, a) -> c.get("agreementId").in(agreementIds));
    }

    public List<Row> byObligors(Collection<String> countries) {
        return countries.isEmpty() ? List.of() : rows((cb, c, a) -> c.get("obligor").in(countries));
    }

    /** Commitments of agreements with at least one of the countries as a party. */
    public List<Row> byAgreementParties(Collection<String> countries) {
        if (countries.isEmpty()) {
            return List.of();
        }
        String[] codes = countries.toArray(String[]::new);
        return rows((cb, c, a) -> cb.arrayIntersects(a.<String[]>get("parties"), codes));
    }

    /**
     * The row read again. Its latest progress comes from a database view: a copy loaded earlier in the transaction
     * does not follow a report written since, so it is let go and read afresh.
     */
    public Row reload(Row row) {
        if (row.latest() != null) {
            getEntityManager().detach(row.latest());
        }
        return byIds(List.of(row.commitment().id)).get(0);
    }

    /** The earliest due date among the agreement's commitments, or null. */
    public LocalDate earliestDueOn(String agreementId) {
        return getEntityManager()
                .createQuery("select min(c.dueOn) from Commitment c where c.agreementId = :id", LocalDate.class)
                .setParameter("id", agreementId).getSingleResult();
    }

    /** Commitment ids come from one sequence: CM-0001, CM-0002, ... */
    public String nextId() {
        Number next = (Number) getEntityManager().createNativeQuery("select nextval('commitment_no_seq')")
                .getSingleResult();
        return String.format("CM-%04d", next.longValue());
    }

    /** The condition of one read, over the commitment and its joined agreement. */
    @FunctionalInterface
    private interface Condition {
        Predicate on(HibernateCriteriaBuilder cb, JpaRoot<Commitment> commitment,
                JpaEntityJoin<Commitment, Agreement> agreement);
    }

    private List<Row> rows(Condition condition) {
        HibernateCriteriaBuilder cb = getSession().getCriteriaBuilder();
        JpaCriteriaQuery<Tuple> query = cb.createTupleQuery();
        JpaRoot<Commitment> c = query.from(Commitment.class);
        JpaEntityJoin<Commitment, Agreement> a = c.join(Agreement.class);
        a.on(cb.equal(a.get("id"), c.get("agreementId")));
        JpaEntityJoin<Commitment, LatestProgress> latest = c.join(LatestProgress.class, JoinType.LEFT);
        latest.on(cb.equal(latest.get("commitmentId"), c.get("id")));
        query.multiselect(c, a, latest).where(condition.on(cb, c, a)).orderBy(cb.asc(c.get("id")));
        return getEntityManager().createQuery(query).getResultList().stream()
                .map(t -> new Row(t.get(0, Commitment.class), t.get(1, Agreement.class), t.get(2, LatestProgress.class)))
                .toList();
    }
}
