package org.lodestone.agreement;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CommitmentAlertStateRepository implements PanacheRepositoryBase<CommitmentAlertState, String> {

    /**
     * Takes a PostgreSQL advisory lock for the rest of the transaction, without waiting: false when another
     * transaction holds it.
     */
    public boolean tryLock(long key) {
        Object claimed = getEntityManager().createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                .setParameter("key", key).getSingleResult();
        return Boolean.TRUE.equals(claimed);
    }

    /** Last alerted status per commitment id. */
    public Map<String, String> lastAlerted() {
        return listAll().stream().collect(Collectors.toMap(s -> s.commitmentId, s -> s.status));
    }

    /** Stores the status, inserting or replacing the commitment's row. */
    public void remember(String commitmentId, String status, OffsetDateTime at) {
        getEntityManager().createNativeQuery("""
                insert into commitment_alert_state (commitment_id, status, alerted_at) values (:id, :status, :at)
                on conflict (commitment_id) do update set status = excluded.status, alerted_at = excluded.alerted_at""")
                .setParameter("id", commitmentId).setParameter("status", status).setParameter("at", at)
                .executeUpdate();
    }
}
