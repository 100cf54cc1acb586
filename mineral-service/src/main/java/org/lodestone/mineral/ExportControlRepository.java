package org.lodestone.mineral;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.mineral.api.ExportControlFilter;
import org.lodestone.support.query.FilteredQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ExportControlRepository implements PanacheRepositoryBase<ExportControl, String> {

    static final Sort BY_DATE = Sort.by("effectiveDate").and("id");

    /** Controls matching the filter; with {@code activeOn}, restrictions only (the day itself is checked by the caller). */
    public List<ExportControl> search(ExportControlFilter filter) {
        String target = filter.target() == null ? null : filter.target().toUpperCase(Locale.ROOT);
        FilteredQuery<ExportControl> controls = FilteredQuery.of(getEntityManager(), ExportControl.class)
                .equal("imposingCountry", filter.imposingCountry() == null ? null
                        : filter.imposingCountry().toUpperCase(Locale.ROOT))
                .contains("mineralIds", filter.mineral());
        if (target != null) {
            controls.where((q, control) -> q.builder().or(q.builder().isTrue(control.<Boolean>get("targetsAll")),
                    q.holds("targets", target)));
        }
        if (filter.activeOn() != null) {
            controls.where((q, control) -> q.builder().notEqual(control.get("measure"), ControlMeasure.SUSPENSION.code()));
        }
        return controls.list(BY_DATE);
    }

    public List<ExportControl> allByDate() {
        return listAll(BY_DATE);
    }

    public List<ExportControl> byIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** The suspensions of any of the given controls. */
    public List<ExportControl> suspensionsOf(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : list("suspendsId in ?1", ids);
    }

    /** A transaction-scoped PostgreSQL advisory lock, taken without waiting: false when another transaction holds it. */
    public boolean tryLock(long key) {
        Object claimed = getEntityManager().createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                .setParameter("key", key).getSingleResult();
        return Boolean.TRUE.equals(claimed);
    }

    /** Restrictions with an end date whose end has not been alerted yet (the caller decides whether it has passed). */
    @SuppressWarnings("unchecked")
    public List<ExportControl> withUnalertedEnd() {
        return getEntityManager().createNativeQuery("""
                SELECT c.* FROM export_control c
                WHERE c.measure <> 'suspension' AND c.ends_date IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM export_control_end_alert a WHERE a.control_id = c.id)
                ORDER BY c.id""", ExportControl.class).getResultList();
    }

    /** Marks the control's end as alerted by that outbox event (in the alert's transaction). */
    public void rememberEndAlerted(String controlId, java.util.UUID eventId) {
        getEntityManager().createNativeQuery("INSERT INTO export_control_end_alert (control_id, event_id) VALUES (:c, :e)")
                .setParameter("c", controlId).setParameter("e", eventId).executeUpdate();
    }
}
