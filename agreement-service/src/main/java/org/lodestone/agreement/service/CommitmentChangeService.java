package org.lodestone.agreement.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lodestone.agreement.Agreement;
import org.lodestone.agreement.AgreementRepository;
import org.lodestone.support.alert.AlertKind;
import org.lodestone.agreement.Commitment;
import org.lodestone.agreement.CommitmentRepository;
import org.lodestone.agreement.ProgressReport;
import org.lodestone.agreement.ProgressReportRepository;
import org.lodestone.agreement.api.CommitmentView;
import org.lodestone.agreement.api.NewCommitmentCommand;
import org.lodestone.agreement.api.ProgressCommand;
import org.lodestone.agreement.api.ProgressView;
import org.lodestone.agreement.mapping.CommitmentMapper;
import org.lodestone.agreement.security.Caller;
import org.lodestone.agreement.security.CurrentCaller;
import org.lodestone.agreement.security.VisibilityPolicy;
import org.lodestone.support.problem.ForbiddenException;
import org.lodestone.support.problem.ResourceNotFoundException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Adds commitments and records progress on them; each change writes one audit event in the same transaction. */
@ApplicationScoped
public class CommitmentChangeService {

    private final AgreementRepository agreements;
    private final CommitmentRepository commitments;
    private final ProgressReportRepository progressReports;
    private final CommitmentService reads;
    private final CurrentCaller currentCaller;
    private final VisibilityPolicy visibility;
    private final InputValidator validator;
    private final AuditTrail audit;
    private final AlertOutbox alerts;
    private final Clock clock;

    public CommitmentChangeService(AgreementRepository agreements, CommitmentRepository commitments,
            ProgressReportRepository progressReports, CommitmentService reads, CurrentCaller currentCaller,
            VisibilityPolicy visibility, InputValidator validator, AuditTrail audit, AlertOutbox alerts, Clock clock) {
        this.agreements = agreements;
        this.commitments = commitments;
        this.progressReports = progressReports;
        this.reads = reads;
        this.currentCaller = currentCaller;
        this.visibility = visibility;
        this.validator = validator;
        this.audit = audit;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Transactional
    public CommitmentView add(String agreementId, NewCommitmentCommand cmd) {
        Caller caller = currentCaller.admin("add commitments");
        Agreement agreement = agreements.findById(agreementId);
        if (agreement == null) {
            throw new ResourceNotFoundException("Agreement " + agreementId + " not found");
        }
        validator.validateCommitment(cmd, List.of(agreement.parties), agreement.signedOn);
        Commitment c = CommitmentMapper.toEntity(cmd, commitments.nextId(), agreementId, OffsetDateTime.now(clock));
        commitments.persistAndFlush(c);
        CommitmentView view = reads.toView(new CommitmentRepository.Row(c, agreement, null));
        audit.record(agreementId, AuditTrail.COMMITMENT, c.id, "CREATE", caller, null,
                CommitmentMapper.auditState(view), null);
        return view;
    }

    /**
     * Records cumulative progress. Admins may report on any commitment; members only on commitments whose obligor
     * is their own country. A commitment of an agreement the caller cannot see is "not found".
     */
    @Transactional
    public CommitmentView reportProgress(String commitmentId, ProgressCommand cmd) {
        Caller caller = currentCaller.get();
        CommitmentRepository.Row row = commitments.byIds(List.of(commitmentId)).stream().findFirst()
                .filter(r -> visibility.canSee(caller, r.agreement().visibility, r.agreement().parties))
                .orElseThrow(() -> new ResourceNotFoundException("Commitment " + commitmentId + " not found"));
        Commitment c = row.commitment();
        if (!caller.isAdmin() && !caller.isMemberOf(c.obligor)) {
            throw new ForbiddenException("Only admins and members from the obligor country (" + c.obligor
                    + ") may report progress on commitment " + commitmentId);
        }
        validator.validateProgress(cmd, c.targetQuantity != null, c.targetAmount != null, row.agreement().signedOn,
                reads.today());
        CommitmentView before = reads.toView(row);
        ProgressReport report = CommitmentMapper.toEntity(cmd, commitmentId, caller.subject(), caller.country(),
                OffsetDateTime.now(clock));
        progressReports.persistAndFlush(report);
        ProgressView reported = CommitmentMapper.toView(report);
        CommitmentView after = reads.toView(commitments.reload(row));
        Map<String, Object> afterState = new LinkedHashMap<>(CommitmentMapper.auditState(after));
        afterState.put("report", reported);
        audit.record(after.agreement().id(), AuditTrail.PROGRESS_REPORT, commitmentId, "REPORT_PROGRESS", caller,
                CommitmentMapper.auditState(before), afterState, null);
        alerts.commitmentChanged(AlertKind.PROGRESS_REPORTED, after);
        return after;
    }
}
