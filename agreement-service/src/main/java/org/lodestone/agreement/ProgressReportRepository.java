package org.lodestone.agreement;

import java.util.Collection;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProgressReportRepository implements PanacheRepository<ProgressReport> {

    /** Reports of the commitments, oldest first (by as-of date, then by arrival); one statement. */
    public List<ProgressReport> byCommitments(Collection<String> commitmentIds) {
        return commitmentIds.isEmpty() ? List.of()
                : list("commitmentId in ?1", Sort.by("asOf").and("id"), commitmentIds);
    }
}
