package org.lodestone.agreement.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lodestone.agreement.Agreement;
import org.lodestone.support.alert.AlertKind;
import org.lodestone.agreement.Commitment;
import org.lodestone.agreement.CommitmentStatus;
import org.lodestone.agreement.CommitmentStatusCalculator;
import org.lodestone.agreement.LatestProgress;
import org.lodestone.agreement.ProgressReport;
import org.lodestone.agreement.config.AgreementConfig;
import org.lodestone.agreement.mapping.AgreementMapper;
import org.lodestone.agreement.security.Caller;
import org.lodestone.agreement.security.CurrentCaller;
import org.lodestone.agreement.security.VisibilityPolicy;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.support.problem.ResourceNotFoundException;
import org.lodestone.support.problem.ForbiddenException;
import org.lodestone.agreement.api.AgreementView;
import org.lodestone.agreement.api.CommitmentFilter;
import org.lodestone.agreement.api.CommitmentView;
import org.lodestone.agreement.api.NewCommitmentCommand;
import org.lodestone.agreement.api.ProgressCommand;
import org.lodestone.agreement.api.ProgressView;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

/**
 * Commitments and their progress. A commitment is visible exactly when its agreement is; its status is derived on
 * every read from the latest progress report ({@link CommitmentStatusCalculator}).
 */
@ApplicationScoped
public class CommitmentService {

    private final EntityManager em;
    private final CurrentCaller currentCaller;
    private final VisibilityPolicy visibility;
    private final InputValidator validator;
    private final AuditTrail audit;
    private final AlertOutbox alerts;
    private final Clock clock;
    private final CommitmentStatusCalculator calculator;

    public CommitmentService(EntityManager em, CurrentCaller currentCaller, VisibilityPolicy visibility,
            InputValidator validator, AuditTrail audit, AlertOutbox alerts, Clock clock, AgreementConfig config) {
        this.em = em;
        this.currentCaller = currentCaller;
        this.visibility = visibility;
        this.validator = validator;
        this.audit = audit;
        this.alerts = alerts;
        this.clock = clock;
        this.calculator = new CommitmentStatusCalculator(config.atRiskTolerance());
    }

    @Transactional
    public List<CommitmentView> list(CommitmentFilter filter) {
        Caller caller = currentCaller.get();
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.obligor() != null) {
            where.append(" and c.obligor = :obligor");
            params.put("obligor", filter.obligor());
        }
        if (filter.agreement() != null) {
            where.append(" and c.agreementId = :agreement");
            params.put("agreement", filter.agreement());
        }
        if (filter.dueBefore() != null) {
            where.append(" and c.dueOn < :dueBefore");
            params.put("dueBefore", filter.dueBefore());
        }
        if (filter.dueWithinDays() != null) {
            if (filter.dueWithinDays() < 0) {
                throw InvalidInputException.of("dueWithinDays", "must be >= 0");
            }
            LocalDate today = today();
            where.append(" and c.dueOn >= :today and c.dueOn <= :horizon");
            params.put("today", today);
            params.put("horizon", today.plusDays(filter.dueWithinDays()));
        }
        List<CommitmentView> views = visibleViews(caller, load(where.toString(), params));
        return filter.status() == null ? views
                : views.stream().filter(v -> v.status() == filter.status()).toList();
    }

    /**
     * Commitments of the given agreements, grouped by agreement, in one statement. Visibility is checked again on
     * the joined agreement rows, so a caller never gets commitments of an agreement hidden from them.
     */
    @Transactional
    public Map<String, List<CommitmentView>> byAgreements(List<String> agreementIds, CommitmentStatus status) {
        Caller caller = currentCaller.get();
        Map<String, List<CommitmentView>> result = new LinkedHashMap<>();
        agreementIds.forEach(id -> result.put(id, new ArrayList<>()));
        if (agreementIds.isEmpty()) {
            return result;
        }
        for (CommitmentView view : visibleViews(caller, load("c.agreementId in :ids", Map.of("ids", agreementIds)))) {
            if (status == null || view.status() == status) {
                result.get(view.agreement().id()).add(view);
            }
        }
        return result;
    }

    /**
     * Visible commitments of agreements with at least one of the countries as a party, in one statement (commitments
     * joined with their agreement and latest progress).
     */
    @Transactional
    public List<CommitmentView> byAgreementParties(Collection<String> countries) {
        if (countries.isEmpty()) {
            return List.of();
        }
        return visibleViews(currentCaller.get(), load("array_intersects(a.parties, :codes)",
                Map.of("codes", countries.toArray(String[]::new))));
    }

    /** Visible commitments per obligor country, for N countries with a fixed number of statements. */
    @Transactional
    public Map<String, List<CommitmentView>> byObligor(List<String> countries, CommitmentStatus status) {
        Caller caller = currentCaller.get();
        Map<String, List<CommitmentView>> result = new LinkedHashMap<>();
        countries.forEach(c -> result.put(c, new ArrayList<>()));
        if (countries.isEmpty()) {
            return result;
        }
        for (CommitmentView view : visibleViews(caller, load("c.obligor in :codes", Map.of("codes", countries)))) {
            if (status == null || view.status() == status) {
                result.get(view.obligor()).add(view);
            }
        }
        return result;
    }

    /** One lookup for all ids, in their order; null for unknown ids and for commitments of hidden agreements. */
    @Transactional
    public List<CommitmentView> findAll(List<String> ids) {
        Caller caller = currentCaller.get();
        Map<String, CommitmentView> found = new HashMap<>();
        if (!ids.isEmpty()) {
            visibleViews(caller, load("c.id in :ids", Map.of("ids", ids))).forEach(v -> found.put(v.id(), v));
        }
        List<CommitmentView> ordered = new ArrayList<>(ids.size());
        ids.forEach(id -> ordered.add(found.get(id)));
        return ordered;
    }

    @Transactional
    public CommitmentView get(String id) {
        CommitmentView view = findAll(List.of(id)).get(0);
        if (view == null) {
            throw new ResourceNotFoundException("Commitment " + id + " not found");
        }
        return view;
    }

    /** Progress reports of (visible) commitments, oldest first, in one statement. */
    @Transactional
    public Map<String, List<ProgressView>> progress(Collection<String> commitmentIds) {
        Map<String, List<ProgressView>> result = new LinkedHashMap<>();
        commitmentIds.forEach(id -> result.put(id, new ArrayList<>()));
        if (!commitmentIds.isEmpty()) {
            em.createQuery("from ProgressReport p where p.commitmentId in :ids order by p.asOf, p.id", ProgressReport.class)
                    .setParameter("ids", commitmentIds).getResultList()
                    .forEach(p -> result.get(p.commitmentId).add(AgreementMapper.toView(p)));
        }
        return result;
    }

    @Transactional
    public CommitmentView add(String agreementId, NewCommitmentCommand cmd) {
        Caller caller = currentCaller.get();
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only admins may add commitments");
        }
        Agreement agreement = em.find(Agreement.class, agreementId);
        if (agreement == null) {
            throw new ResourceNotFoundException("Agreement " + agreementId + " not found");
        }
        validator.validateCommitment(cmd, List.of(agreement.parties), agreement.signedOn);
        Commitment c = new Commitment();
        c.id = nextCommitmentId(em);
        c.agreementId = agreementId;
        c.obligor = cmd.obligor();
        c.kind = cmd.kind().trim();
        c.description = cmd.description().trim();
        c.mineralId = cmd.mineral();
        c.targetQuantity = AgreementMapper.toDecimal(cmd.targetQuantity());
        c.unit = blankToNull(cmd.unit());
        c.targetAmount = AgreementMapper.toDecimal(cmd.targetAmount());
        c.currency = blankToNull(cmd.currency());
        c.dueOn = cmd.dueOn();
        c.createdAt = OffsetDateTime.now(clock);
        em.persist(c);
        em.flush();
        CommitmentView view = toView(new Row(c, agreement, null));
        audit.record(agreementId, AuditTrail.COMMITMENT, c.id, "CREATE", caller, null, auditState(view), null);
        return view;
    }

    /**
     * Records cumulative progress. Admins may report on any commitment; members only on commitments whose obligor
     * is their own country. A commitment of an agreement the caller cannot see is "not found".
     */
    @Transactional
    public CommitmentView reportProgress(String commitmentId, ProgressCommand cmd) {
        Caller caller = currentCaller.get();
        Commitment c = em.find(Commitment.class, commitmentId);
        Agreement agreement = c == null ? null : em.find(Agreement.class, c.agreementId);
        if (c == null || !visibility.canSee(caller, agreement.visibility, agreement.parties)) {
            throw new ResourceNotFoundException("Commitment " + commitmentId + " not found");
        }
        if (!caller.isAdmin() && !caller.isMemberOf(c.obligor)) {
            throw new ForbiddenException("Only admins and members from the obligor country (" + c.obligor
                    + ") may report progress on commitment " + commitmentId);
        }
        validator.validateProgress(cmd, c.targetQuantity != null, c.targetAmount != null, agreement.signedOn, today());
        CommitmentView before = toView(load("c.id = :id", Map.of("id", commitmentId)).get(0));
        ProgressReport report = new ProgressReport();
        report.commitmentId = commitmentId;
        report.reportedQuantity = AgreementMapper.toDecimal(cmd.quantity());
        report.reportedAmount = AgreementMapper.toDecimal(cmd.amount());
        report.asOf = cmd.asOf();
        report.note = cmd.note();
        report.reporterSubject = caller.subject();
        report.reporterCountry = caller.country();
        report.createdAt = OffsetDateTime.now(clock);
        em.persist(report);
        em.flush();
        ProgressView reported = AgreementMapper.toView(report);
        // the latest-progress view row loaded for "before" is a managed snapshot; read the new state afresh
        em.clear();
        CommitmentView after = toView(load("c.id = :id", Map.of("id", commitmentId)).get(0));
        Map<String, Object> afterState = new LinkedHashMap<>(auditState(after));
        afterState.put("report", reported);
        audit.record(after.agreement().id(), AuditTrail.PROGRESS_REPORT, commitmentId, "REPORT_PROGRESS", caller,
                auditState(before), afterState, null);
        alerts.commitmentChanged(AlertKind.PROGRESS_REPORTED, after);
        return after;
    }

    /**
     * Every commitment with its status for today, whoever may see it: for the system's own scheduled evaluation
     * only (its alerts then carry the agreement's visibility), never for an answer to a caller.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CommitmentView> allForEvaluation() {
        return load("1 = 1", Map.of()).stream().map(this::toView).toList();
    }

    /** Counts by status, per obligor and per agreement, over the commitments the caller may see. */
    @Transactional
    public Dashboard dashboard(int dueWithinDays) {
        if (dueWithinDays < 0) {
            throw InvalidInputException.of("dueWithinDays", "must be >= 0");
        }
        List<CommitmentView> all = list(CommitmentFilter.NONE);
        LocalDate today = today();
        LocalDate horizon = today.plusDays(dueWithinDays);
        List<CommitmentView> dueSoon = all.stream()
                .filter(c -> c.dueOn() != null && !c.dueOn().isBefore(today) && !c.dueOn().isAfter(horizon))
                .filter(c -> c.status() != CommitmentStatus.FULFILLED)
                .toList();
        return new Dashboard(today, all.size(), counts(all),
                group(all, CommitmentView::obligor), group(all, c -> c.agreement().id()), dueSoon);
    }

    private static List<GroupCount> group(List<CommitmentView> all, Function<CommitmentView, String> key) {
        Map<String, List<CommitmentView>> groups = all.stream()
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        return groups.entrySet().stream().map(e -> new GroupCount(e.getKey(), e.getValue().size(), counts(e.getValue())))
                .toList();
    }

    private static List<StatusCount> counts(List<CommitmentView> views) {
        List<StatusCount> counts = new ArrayList<>();
        for (CommitmentStatus status : CommitmentStatus.values()) {
            counts.add(new StatusCount(status, (int) views.stream().filter(v -> v.status() == status).count()));
        }
        return counts;
    }

    public record StatusCount(CommitmentStatus status, int count) {
    }

    public record GroupCount(String key, int total, List<StatusCount> byStatus) {
    }

    public record Dashboard(LocalDate asOf, int total, List<StatusCount> byStatus, List<GroupCount> byObligor,
            List<GroupCount> byAgreement, List<CommitmentView> dueSoon) {
    }

    /** Commitment ids come from one sequence: CM-0001, CM-0002, ... */
    public static String nextCommitmentId(EntityManager em) {
        Number next = (Number) em.createNativeQuery("select nextval('commitment_no_seq')").getSingleResult();
        return String.format("CM-%04d", next.longValue());
    }

    /** A commitment with its agreement and its latest progress report (if any), loaded together. */
    private record Row(Commitment commitment, Agreement agreement, LatestProgress latest) {
    }

    /** One statement: commitments matching the condition, joined with their agreement and latest progress. */
    private List<Row> load(String condition, Map<String, Object> params) {
        TypedQuery<Object[]> query = em.createQuery("""
                select c, a, lp from Commitment c
                join Agreement a on a.id = c.agreementId
                left join LatestProgress lp on lp.commitmentId = c.id
                where %s order by c.id""".formatted(condition), Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList().stream()
                .map(r -> new Row((Commitment) r[0], (Agreement) r[1], (LatestProgress) r[2])).toList();
    }

    private List<CommitmentView> visibleViews(Caller caller, List<Row> rows) {
        return rows.stream()
                .filter(r -> visibility.canSee(caller, r.agreement().visibility, r.agreement().parties))
                .map(this::toView).toList();
    }

    private CommitmentView toView(Row row) {
        Commitment c = row.commitment();
        AgreementView agreement = AgreementMapper.toView(row.agreement());
        LatestProgress latest = row.latest();
        Double target = AgreementMapper.toDouble(c.targetQuantity != null ? c.targetQuantity : c.targetAmount);
        Double progress = null;
        LocalDate asOf = null;
        if (latest != null) {
            progress = AgreementMapper.toDouble(c.targetQuantity != null ? latest.reportedQuantity : latest.reportedAmount);
            asOf = latest.asOf;
        }
        LocalDate start = agreement.signedOn() != null ? agreement.signedOn()
                : c.createdAt == null ? null : c.createdAt.toLocalDate();
        CommitmentStatusCalculator.Result result = calculator.evaluate(target, progress, start, c.dueOn, today());
        return new CommitmentView(c.id, agreement, c.obligor, c.kind, c.description, c.mineralId,
                AgreementMapper.toDouble(c.targetQuantity), c.unit, AgreementMapper.toDouble(c.targetAmount),
                c.currency, c.dueOn, c.basis, result.status(), progress, asOf, result.fulfilledPct());
    }

    private static Map<String, Object> auditState(CommitmentView view) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", view.id());
        state.put("agreementId", view.agreement().id());
        state.put("obligor", view.obligor());
        state.put("kind", view.kind());
        state.put("description", view.description());
        state.put("mineral", view.mineral());
        state.put("targetQuantity", view.targetQuantity());
        state.put("unit", view.unit());
        state.put("targetAmount", view.targetAmount());
        state.put("currency", view.currency());
        state.put("dueOn", view.dueOn());
        state.put("status", view.status());
        state.put("progress", view.progress());
        state.put("fulfilledPct", view.fulfilledPct());
        return state;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
