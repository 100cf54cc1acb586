package org.lodestone.agreement.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.lodestone.agreement.CommitmentRepository;
import org.lodestone.agreement.CommitmentStatus;
import org.lodestone.agreement.CommitmentStatusCalculator;
import org.lodestone.agreement.ProgressReportRepository;
import org.lodestone.agreement.api.CommitmentFilter;
import org.lodestone.agreement.api.CommitmentView;
import org.lodestone.agreement.api.ProgressView;
import org.lodestone.agreement.config.AgreementConfig;
import org.lodestone.agreement.mapping.CommitmentMapper;
import org.lodestone.agreement.security.Caller;
import org.lodestone.agreement.security.CurrentCaller;
import org.lodestone.agreement.security.VisibilityPolicy;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.support.problem.ResourceNotFoundException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Reads commitments and their progress. A commitment is visible exactly when its agreement is; its status is derived
 * on every read from the latest progress report ({@link CommitmentStatusCalculator}). Each read is one statement
 * (commitments joined with their agreement and latest progress), whatever the number of commitments.
 */
@ApplicationScoped
public class CommitmentService {

    private final CommitmentRepository commitments;
    private final ProgressReportRepository progressReports;
    private final CurrentCaller currentCaller;
    private final VisibilityPolicy visibility;
    private final Clock clock;
    private final CommitmentStatusCalculator calculator;

    public CommitmentService(CommitmentRepository commitments, ProgressReportRepository progressReports,
            CurrentCaller currentCaller, VisibilityPolicy visibility, Clock clock, AgreementConfig config) {
        this.commitments = commitments;
        this.progressReports = progressReports;
        this.currentCaller = currentCaller;
        this.visibility = visibility;
        this.clock = clock;
        this.calculator = new CommitmentStatusCalculator(config.atRiskTolerance());
    }

    @Transactional
    public List<CommitmentView> list(CommitmentFilter filter) {
        LocalDate dueFrom = null;
        LocalDate dueUntil = null;
        if (filter.dueWithinDays() != null) {
            if (filter.dueWithinDays() < 0) {
                throw InvalidInputException.of("dueWithinDays", "must be >= 0");
            }
            dueFrom = today();
            dueUntil = dueFrom.plusDays(filter.dueWithinDays());
        }
        return withStatus(visibleViews(commitments.search(filter.obligor(), filter.agreement(), filter.dueBefore(),
                dueFrom, dueUntil)), filter.status());
    }

    /**
     * Commitments of the given agreements, grouped by agreement. Visibility is checked again on the joined agreement
     * rows, so a caller never gets commitments of an agreement hidden from them.
     */
    @Transactional
    public Map<String, List<CommitmentView>> byAgreements(List<String> agreementIds, CommitmentStatus status) {
        return Batches.groupByKeys(agreementIds,
                withStatus(visibleViews(commitments.byAgreements(agreementIds)), status),
                v -> List.of(v.agreement().id()));
    }

    /** Visible commitments of agreements with at least one of the countries as a party. */
    @Transactional
    public List<CommitmentView> byAgreementParties(Collection<String> countries) {
        return visibleViews(commitments.byAgreementParties(countries));
    }

    /** Visible commitments per obligor country. */
    @Transactional
    public Map<String, List<CommitmentView>> byObligor(List<String> countries, CommitmentStatus status) {
        return Batches.groupByKeys(countries, withStatus(visibleViews(commitments.byObligors(countries)), status),
                v -> List.of(v.obligor()));
    }

    /** All ids in their order; null for unknown ids and for commitments of hidden agreements. */
    @Transactional
    public List<CommitmentView> findAll(List<String> ids) {
        return Batches.inOrder(ids, visibleViews(commitments.byIds(ids)), CommitmentView::id);
    }

    @Transactional
    public CommitmentView get(String id) {
        CommitmentView view = findAll(List.of(id)).get(0);
        if (view == null) {
            throw new ResourceNotFoundException("Commitment " + id + " not found");
        }
        return view;
    }

    /** Progress reports of (visible) commitments, oldest first. */
    @Transactional
    public Map<String, List<ProgressView>> progress(Collection<String> commitmentIds) {
        return Batches.groupByKeys(commitmentIds,
                progressReports.byCommitments(commitmentIds).stream().map(CommitmentMapper::toView).toList(),
                p -> List.of(p.commitmentId()));
    }

    /**
     * Every commitment with its status for today, whoever may see it: for the system's own scheduled evaluation
     * only (its alerts then carry the agreement's visibility), never for an answer to a caller.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CommitmentView> allForEvaluation() {
        return commitments.all().stream().map(this::toView).toList();
    }

    /** The row as the API shows it, with its status as of today; the caller checks visibility. */
    CommitmentView toView(CommitmentRepository.Row row) {
        return CommitmentMapper.toView(row, calculator, today());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private List<CommitmentView> visibleViews(List<CommitmentRepository.Row> rows) {
        Caller caller = currentCaller.get();
        return rows.stream()
                .filter(r -> visibility.canSee(caller, r.agreement().visibility, r.agreement().parties))
                .map(this::toView).toList();
    }

    private static List<CommitmentView> withStatus(List<CommitmentView> views, CommitmentStatus status) {
        return status == null ? views : views.stream().filter(v -> v.status() == status).toList();
    }
}
