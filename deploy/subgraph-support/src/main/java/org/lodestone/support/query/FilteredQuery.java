package org.lodestone.support.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.hibernate.Session;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

import io.quarkus.panache.common.Sort;

/**
 * A Criteria query over one entity for a search form: each condition is added only when its filter value is given
 * (null, or an empty collection, means "any"), so no query text is ever pieced together. For example
 * {@code FilteredQuery.of(em, SupplyShare.class).in("mineralId", minerals).equal("year", year).list(Sort.by("id"))}.
 */
public final class FilteredQuery<E> {

    private final EntityManager em;
    private final HibernateCriteriaBuilder cb;
    private final CriteriaQuery<E> query;
    private final Root<E> root;
    private final List<Predicate> where = new ArrayList<>();

    private FilteredQuery(EntityManager em, Class<E> type) {
        this.em = em;
        this.cb = em.unwrap(Session.class).getCriteriaBuilder();
        this.query = cb.createQuery(type);
        this.root = query.from(type);
    }

    public static <E> FilteredQuery<E> of(EntityManager em, Class<E> type) {
        return new FilteredQuery<>(em, type);
    }

    /** {@code attribute = value}, unless the value is null. */
    public FilteredQuery<E> equal(String attribute, Object value) {
        if (value != null) {
            where.add(cb.equal(root.get(attribute), value));
        }
        return this;
    }

    /** {@code attribute in values}, unless there are none. */
    public FilteredQuery<E> in(String attribute, Collection<?> values) {
        if (values != null && !values.isEmpty()) {
            where.add(root.get(attribute).in(values));
        }
        return this;
    }

    /** {@code attribute >= value} (or {@code <=} when {@code atMost}), unless the value is null. */
    public <V extends Comparable<? super V>> FilteredQuery<E> bound(String attribute, V value, boolean atMost) {
        if (value != null) {
            Expression<V> path = root.get(attribute);
            where.add(atMost ? cb.lessThanOrEqualTo(path, value) : cb.greaterThanOrEqualTo(path, value));
        }
        return this;
    }

    /** The array (text[]) attribute holds the value, unless the value is null. */
    public FilteredQuery<E> contains(String arrayAttribute, Object value) {
        if (value != null) {
            where.add(holds(arrayAttribute, value));
        }
        return this;
    }

    /** A condition of the entity's own, always added. */
    public FilteredQuery<E> where(BiFunction<FilteredQuery<E>, Root<E>, Predicate> condition) {
        where.add(condition.apply(this, root));
        return this;
    }

    /** For {@link #where}: the builder, to combine conditions. */
    public HibernateCriteriaBuilder builder() {
        return cb;
    }

    /** For {@link #where}: the array (text[]) attribute holds the value. */
    public Predicate holds(String arrayAttribute, Object value) {
        Expression<Collection<Object>> array = root.get(arrayAttribute);
        return cb.collectionContains(array, value);
    }

    public List<E> list(Sort sort) {
        return em.createQuery(ordered(sort)).getResultList();
    }

    /** The first {@code max} rows in that order. */
    public List<E> list(Sort sort, int max) {
        return em.createQuery(ordered(sort)).setMaxResults(max).getResultList();
    }

    private CriteriaQuery<E> ordered(Sort sort) {
        List<Order> order = sort.getColumns().stream().<Order>map(c -> c.getDirection() == Sort.Direction.Descending
                ? cb.desc(root.get(c.getName())) : cb.asc(root.get(c.getName()))).toList();
        return query.where(where.toArray(Predicate[]::new)).orderBy(order);
    }
}
