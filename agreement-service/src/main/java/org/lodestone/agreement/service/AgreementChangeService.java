package org.lodestone.agreement.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.lodestone.agreement.Agreement;
import org.lodestone.agreement.AgreementRepository;
import org.lodestone.agreement.AgreementStatus;
import org.lodestone.support.alert.AlertKind;
import org.lodestone.agreement.CommitmentRepository;
import org.lodestone.agreement.api.AgreementPatchCommand;
import org.lodestone.agreement.api.AgreementView;
import org.lodestone.agreement.api.NewAgreementCommand;
import org.lodestone.agreement.mapping.AgreementMapper;
import org.lodestone.agreement.security.Caller;
import org.lodestone.agreement.security.CurrentCaller;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.support.problem.ResourceNotFoundException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Changes agreements. Every change is checked (admin role, expected version, input, status machine) before anything
 * is written, and writes one audit event and one alert in the same transaction.
 */
@ApplicationScoped
public class AgreementChangeService {

    private final AgreementRepository agreements;
    private final CommitmentRepository commitments;
    private final CurrentCaller currentCaller;
    private final InputValidator validator;
    private final AuditTrail audit;
    private final AlertOutbox alerts;
    private final Clock clock;

    public AgreementChangeService(AgreementRepository agreements, CommitmentRepository commitments,
            CurrentCaller currentCaller, InputValidator validator, AuditTrail audit, AlertOutbox alerts, Clock clock) {
        this.agreements = agreements;
        this.commitments = commitments;
        this.currentCaller = currentCaller;
        this.validator = validator;
        this.audit = audit;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Transactional
    public AgreementView create(NewAgreementCommand cmd) {
        Caller caller = currentCaller.admin("create agreements");
        validator.validateNew(cmd);
        String id = cmd.id() != null ? cmd.id() : "AG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        if (agreements.findById(id) != null) {
            throw InvalidInputException.of("id", "an agreement with id " + id + " already exists");
        }
        Agreement a = AgreementMapper.toEntity(cmd, id, OffsetDateTime.now(clock));
        agreements.persistAndFlush(a);
        AgreementView view = AgreementMapper.toView(a);
        audit.record(a.id, AuditTrail.AGREEMENT, a.id, "CREATE", caller, null, view, null);
        alerts.agreementChanged(AlertKind.AGREEMENT_CREATED, null, view, null);
        return view;
    }

    /** Applies the patch to the version it expects ({@link AgreementPatchCommand#expectedVersion()}, required). */
    @Transactional
    public AgreementView update(String id, AgreementPatchCommand patch) {
        Caller caller = currentCaller.admin("update agreements");
        if (patch.expectedVersion() == null) {
            throw InvalidInputException.of("expectedVersion", "is required");
        }
        Agreement a = lockForChange(id, patch.expectedVersion());
        validator.validatePatch(patch, commitments.earliestDueOn(id));
        AgreementView before = AgreementMapper.toView(a);
        AgreementMapper.applyPatch(a, patch);
        return saveChange(a, caller, "UPDATE", before, null);
    }

    @Transactional
    public AgreementView changeStatus(String id, int expectedVersion, AgreementStatus status, String reason) {
        Caller caller = currentCaller.admin("change agreement status");
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
        agreements.flush();
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
        Agreement a = agreements.findForUpdate(id);
        if (a == null) {
            throw new ResourceNotFoundException("Agreement " + id + " not found");
        }
        if (a.version != expectedVersion) {
            throw new VersionConflictException(id, expectedVersion, a.version);
        }
        return a;
    }
}
