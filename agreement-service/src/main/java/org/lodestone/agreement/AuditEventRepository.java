package org.lodestone.agreement;

import java.util.Collection;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AuditEventRepository implements PanacheRepository<AuditEvent> {

    /** Events of the agreements (and their commitments), oldest first; one statement. */
    public List<AuditEvent> byAgreements(Collection<String> agreementIds) {
        return agreementIds.isEmpty() ? List.of() : list("agreementId in ?1", Sort.by("id"), agreementIds);
    }
}
