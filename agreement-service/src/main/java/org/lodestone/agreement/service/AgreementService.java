package org.lodestone.agreement.service;

import java.util.List;
import java.util.Map;

import org.lodestone.agreement.Agreement;
import org.lodestone.agreement.AgreementRepository;
import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.AuditEventRepository;
import org.lodestone.agreement.api.AgreementFilter;
import org.lodestone.agreement.api.AgreementView;
import org.lodestone.agreement.api.AuditEventView;
import org.lodestone.agreement.mapping.AgreementMapper;
import org.lodestone.agreement.security.Caller;
import org.lodestone.agreement.security.CurrentCaller;
import org.lodestone.agreement.security.VisibilityPolicy;
import org.lodestone.support.problem.ForbiddenException;
import org.lodestone.support.problem.ResourceNotFoundException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Reads agreements. Every read returns only what the caller may see ({@link VisibilityPolicy}); a hidden agreement
 * behaves exactly like a missing one. Changes go through {@link AgreementChangeService}.
 */
@ApplicationScoped
public class AgreementService {

    private final AgreementRepository agreements;
    private final AuditEventRepository auditEvents;
    private final CurrentCaller currentCaller;
    private final VisibilityPolicy visibility;

    public AgreementService(AgreementRepository agreements, AuditEventRepository auditEvents,
            CurrentCaller currentCaller, VisibilityPolicy visibility) {
        this.agreements = agreements;
        this.auditEvents = auditEvents;
        this.currentCaller = currentCaller;
        this.visibility = visibility;
    }

    @Transactional
    public List<AgreementView> list(AgreementFilter filter) {
        return visibleViews(agreements.search(filter.party(), filter.mineral(), filter.status(), filter.visibility(),
                filter.type()));
    }

    /** The agreement, or {@link ResourceNotFoundException} when it does not exist or is hidden from the caller. */
    @Transactional
    public AgreementView get(String id) {
        Agreement agreement = agreements.findById(id);
        if (agreement == null || !canSee(currentCaller.get(), agreement)) {
            throw new ResourceNotFoundException("Agreement " + id + " not found");
        }
        return AgreementMapper.toView(agreement);
    }

    /** One statement for all ids; the result has the ids' order, with null for unknown or hidden ones. */
    @Transactional
    public List<AgreementView> findAll(List<String> ids) {
        return Batches.inOrder(ids, visibleViews(agreements.withIds(ids)), AgreementView::id);
    }

    /** Visible agreements per party country, for N countries in one statement. */
    @Transactional
    public Map<String, List<AgreementView>> byParty(List<String> countries, AgreementStatus status) {
        List<AgreementView> found = visibleViews(agreements.withAnyParty(countries)).stream()
                .filter(a -> status == null || a.status() == status).toList();
        return Batches.groupByKeys(countries, found, AgreementView::parties);
    }

    /** Visible agreements per mineral, for N minerals in one statement. */
    @Transactional
    public Map<String, List<AgreementView>> byMineral(List<String> minerals) {
        return Batches.groupByKeys(minerals, visibleViews(agreements.withAnyMineral(minerals)),
                AgreementView::minerals);
    }

    /**
     * Audit events of the given (already visible) agreements, oldest first. Admins only: everyone else gets
     * {@link ForbiddenException}, since the trail names the officials who made each change.
     */
    @Transactional
    public Map<String, List<AuditEventView>> histories(List<String> agreementIds) {
        if (!currentCaller.get().isAdmin()) {
            throw new ForbiddenException("Agreement history is visible to admins only");
        }
        List<AuditEventView> events = auditEvents.byAgreements(agreementIds).stream().map(AgreementMapper::toView)
                .toList();
        return Batches.groupByKeys(agreementIds, events, e -> List.of(e.agreementId()));
    }

    /** History of one agreement: 404 when missing or hidden, then 403 unless admin. */
    @Transactional
    public List<AuditEventView> history(String agreementId) {
        get(agreementId);
        return histories(List.of(agreementId)).get(agreementId);
    }

    private boolean canSee(Caller caller, Agreement a) {
        return visibility.canSee(caller, a.visibility, a.parties);
    }

    private List<AgreementView> visibleViews(List<Agreement> found) {
        Caller caller = currentCaller.get();
        return found.stream().filter(a -> canSee(caller, a)).map(AgreementMapper::toView).toList();
    }
}
