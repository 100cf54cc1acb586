package org.lodestone.agreement.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lodestone.agreement.Agreement;
import org.lodestone.agreement.AgreementStatus;
import org.lodestone.support.alert.AlertKind;
import org.lodestone.agreement.AuditEvent;
import org.lodestone.agreement.mapping.AgreementMapper;
import org.lodestone.agreement.security.Caller;
import org.lodestone.agreement.security.CurrentCaller;
import org.lodestone.agreement.security.VisibilityPolicy;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.support.problem.ResourceNotFoundException;
import org.lodestone.support.problem.ForbiddenException;
import org.lodestone.agreement.api.AgreementFilter;
import org.lodestone.agreement.api.AgreementPatchCommand;
import org.lodestone.agreement.api.AgreementView;
import org.lodestone.agreement.api.AuditEventView;
import org.lodestone.agreement.api.NewAgreementCommand;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

/**
 * Reads and changes agreements. Every read returns only what the caller may see ({@link VisibilityPolicy});
 * a hidden agreement behaves exactly like a missing one. Every change is checked (admin role, expected version,
 * input, status machine) before anything is written, and writes one audit event in the same transaction.
 */
@ApplicationScoped
public class AgreementService {

    private final EntityManager em;
    private final CurrentCaller currentCaller;
    private final VisibilityPolicy visibility;
    private final InputValidator validator;
    private final AuditTrail audit;
    private final AlertOutbox alerts;
    private final Clock clock;

    public AgreementService(EntityManager em, CurrentCaller currentCaller, VisibilityPolicy visibility,
            InputValidator validator, AuditTrail audit, AlertOutbox alerts, Clock clock) {
        this.em = em;
        this.currentCaller = currentCaller;
        this.visibility = visibility;
        this.validator = validator;
        this.audit = audit;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Transactional
    public List<AgreementView> list(AgreementFilter filter) {
        Caller caller = currentCaller.get();
        StringBuilder hql = new StringBuilder("from Agreement a where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.party() != null) {
            hql.append(" and array_contains(a.parties, :party)");
            params.put("party", filter.party());
        }
        if (filter.mineral() != null) {
            hql.append(" and array_contains(a.minerals, :mineral)");
            params.put("mineral", filter.mineral());
        }
        if (filter.status() != null) {
            hql.append(" and a.status = :status");
            params.put("status", filter.status());
        }
        if (filter.visibility() != null) {
            hql.append(" and a.visibility = :visibility");
            params.put("visibility", filter.visibility());
        }
        if (filter.type() != null) {
            hql.append(" and lower(a.type) = lower(:type)");
            params.put("type", filter.type());
        }
        hql.append(" order by a.id");
        TypedQuery<Agreement> query = em.createQuery(hql.toString(), Agreement.class);
        params.forEach(query::setParameter);
        return visibleViews(caller, query.getResultList());
    }

    /** The agreement, or {@link ResourceNotFoundException} when it does not exist or is hidden from the caller. */
    @Transactional
    public AgreementView get(String id) {
        Caller caller = currentCaller.get();
        Agreement agreement = em.find(Agreement.class, id);
        if (agreement == null || !canSee(caller, agreement)) {
            throw new ResourceNotFoundException("Agreement " + id + " not found");
        }
        return AgreementMapper.toView(agreement);
    }

    /** One statement for all ids; the result has the ids' order, with null for unknown or hidden ones. */
    @Transactional
    public List<AgreementView> findAll(List<String> ids) {
        Caller caller = currentCaller.get();
        Map<String, AgreementView> found = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Agreement a : em.createQuery("from Agreement a where a.id in :ids", Agreement.class)
                    .setParameter("ids", ids).getResultList()) {
                if (canSee(caller, a)) {
                    found.put(a.id, AgreementMapper.toView(a));
                }
            }
        }
        List<AgreementView> ordered = new ArrayList<>(ids.size());
        ids.forEach(id -> ordered.add(found.get(id)));
        return ordered;
    }

    /** Visible agreements per party country, for N countries in one statement. */
    @Transactional
    public Map<String, List<AgreementView>> byParty(List<String> countries, AgreementStatus status) {
        Caller caller = currentCaller.get();
        Map<String, List<AgreementView>> result = new LinkedHashMap<>();
        countries.forEach(c -> result.put(c, new ArrayList<>()));
        if (countries.isEmpty()) {
            return result;
        }
        List<Agreement> agreements = em.createQuery(
                "from Agreement a where array_intersects(a.parties, :codes) order by a.id", Agreement.class)
                .setParameter("codes", countries.toArray(String[]::new)).getResultList();
        for (Agreement a : agreements) {
            if ((status == null || a.status == status) && canSee(caller, a)) {
                AgreementView view = AgreementMapper.toView(a);
                for (String party : a.parties) {
                    List<AgreementView> list = result.get(party);
                    if (list != null) {
                        list.add(view);
                    }
                }
            }
        }
        return result;
    }

    /** Visible agreements per mineral, for N minerals in one statement. */
    @Transactional
    public Map<String, List<AgreementView>> byMineral(List<String> minerals) {
        Caller caller = currentCaller.get();
        Map<String, List<AgreementView>> result = new LinkedHashMap<>();
        minerals.forEach(m -> result.put(m, new ArrayList<>()));
        if (minerals.isEmpty()) {
            return result;
        }
        List<Agreement> agreements = em.createQuery(
                "from Agreement a where array_intersects(a.minerals, :ids) order by a.id", Agreement.class)
                .setParameter("ids", minerals.toArray(String[]::new)).getResultList();
        for (Agreement a : agreements) {
            if (canSee(caller, a)) {
                AgreementView view = AgreementMapper.toView(a);
                for (String mineral : a.minerals) {
                    List<AgreementView> list = result.get(mineral);
                    if (list != null) {
                        list.add(view);
                    }
                }
            }
        }
        return result;
    }

    /**
     * Audit events of the given (already visible) agreements, oldest first. Admins only: everyone else gets
     * {@link ForbiddenException}, since the trail names the officials who made each change.
     */
    @Transactional
    public Map<String, List<AuditEventView>> histories(List<String> agreementIds) {
        Caller caller = currentCaller.get();
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Agreement history is visible to admins only");
        }
        Map<String, List<AuditEventView>> result = new LinkedHashMap<>();
        agreementIds.forEach(id -> result.put(id, new ArrayList<>()));
        if (!agreementIds.isEmpty()) {
            em.createQuery("from AuditEvent e where e.agreementId in :ids order by e.id", AuditEvent.class)
                    .setParameter("ids", agreementIds).getResultList()
                    .forEach(e -> result.get(e.agreementId).add(AgreementMapper.toView(e)));
        }
        return result;
    }

    /** History of one agreement: 404 when missing or hidden, then 403 unless admin. */
    @Transactional
    public List<AuditEventView> history(String agreementId) {
        get(agreementId);
        return histories(List.of(agreementId)).get(agreementId);
    }

    @Transactional
    public AgreementView create(NewAgreementCommand cmd) {
        Caller caller = requireAdmin("create agreements");
        validator.validateNew(cmd);
        String id = cmd.id() != null ? cmd.id() : "AG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        if (em.find(Agreement.class, id) != null) {
            throw InvalidInputException.of("id", "an agreement with id " + id + " already exists");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Agreement a = new Agreement();
        a.id = id;
        a.title = cmd.title().trim();
        a.type = cmd.type().trim();
        a.parties = cmd.parties().toArray(String[]::new);
        a.minerals = cmd.minerals().toArray(String[]::new);
        a.signedOn = cmd.signedOn();
        a.signedPeriod = cmd.signedOn() == null ? null : cmd.signedOn().toString();
        a.status = cmd.status() == null ? AgreementStatus.DRAFT : cmd.status();
        a.visibility = cmd.visibility();
        a.summary = cmd.summary();
        a.sourceText = cmd.source().trim();
        a.createdAt = now;
        a.updatedAt = now;
        em.persist(a);
        em.flush();
        AgreementView view = AgreementMapper.toView(a);
        audit.record(a.id, AuditTrail.AGREEMENT, a.id, "CREATE", caller, null, view, null);
        alerts.agreementChanged(AlertKind.AGREEMENT_CREATED, null, view, null);
        return view;
    }

    @Transactional
    public AgreementView update(String id, int expectedVersion, AgreementPatchCommand patch) {
        Caller caller = requireAdmin("update agreements");
        Agreement a = lockForChange(id, expectedVersion);
        LocalDate earliestDue = em.createQuery(
                "select min(c.dueOn) from Commitment c where c.agreementId = :id", LocalDate.class)
                .setParameter("id", id).getSingleResult();
        validator.validatePatch(patch, earliestDue);
        AgreementView before = AgreementMapper.toView(a);
        if (patch.title() != null) {
            a.title = patch.title().trim();
        }
        if (patch.type() != null) {
            a.type = patch.type().trim();
        }
        if (patch.parties() != null) {
            a.parties = patch.parties().toArray(String[]::new);
        }
        if (patch.minerals() != null) {
            a.minerals = patch.minerals().toArray(String[]::new);
        }
        if (patch.signedOn() != null) {
            a.signedOn = patch.signedOn();
            a.signedPeriod = patch.signedOn().toString();
        }
        if (patch.visibility() != null) {
            a.visibility = patch.visibility();
        }
        if (patch.summary() != null) {
            a.summary = patch.summary();
        }
        if (patch.source() != null) {
            a.sourceText = patch.source().trim();
        }
        return saveChange(a, caller, "UPDATE", before, null);
    }

    @Transactional
    public AgreementView changeStatus(String id, int expectedVersion, AgreementStatus status, String reason) {
        Caller caller = requireAdmin("change agreement status");
        if (status == null) {
            throw InvalidInputException.of("status", "is required");
        }
        Agreement a = lockForChange(id, expectedVersion);
        if (!a.status.canMoveTo(status)) {
            throw new IllegalStatusTransitionException(a.status, status);
        }
        if (reason != null && reason.length() > InputValidator.MAX_TEXT) {
            throw InvalidInputException.of("reason", "is longer than " + InputValidator.MAX_TEXT + " characters");
        }
        AgreementView before = AgreementMapper.toView(a);
        a.status = status;
        return saveChange(a, caller, "STATUS_CHANGE", before, reason);
    }

    private AgreementView saveChange(Agreement a, Caller caller, String operation, AgreementView before, String reason) {
        // touching updatedAt guarantees a version bump even when only array contents changed
        a.updatedAt = OffsetDateTime.now(clock);
        em.flush();
        AgreementView after = AgreementMapper.toView(a);
        audit.record(a.id, AuditTrail.AGREEMENT, a.id, operation, caller, before, after, reason);
        alerts.agreementChanged("STATUS_CHANGE".equals(operation) ? AlertKind.AGREEMENT_STATUS_CHANGED
                : AlertKind.AGREEMENT_UPDATED, before, after, reason);
        return after;
    }

    /**
     * Locks the row so concurrent writers queue up; the first one bumps the version, and every later writer that
     * expected the old version gets {@link VersionConflictException} with nothing written.
     */
    private Agreement lockForChange(String id, int expectedVersion) {
        Agreement a = em.find(Agreement.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw new ResourceNotFoundException("Agreement " + id + " not found");
        }
        if (a.version != expectedVersion) {
            throw new VersionConflictException(id, expectedVersion, a.version);
        }
        return a;
    }

    private Caller requireAdmin(String what) {
        Caller caller = currentCaller.get();
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only admins may " + what);
        }
        return caller;
    }

    private boolean canSee(Caller caller, Agreement a) {
        return visibility.canSee(caller, a.visibility, a.parties);
    }

    private List<AgreementView> visibleViews(Caller caller, List<Agreement> agreements) {
        return agreements.stream().filter(a -> canSee(caller, a)).map(AgreementMapper::toView).toList();
    }
}
