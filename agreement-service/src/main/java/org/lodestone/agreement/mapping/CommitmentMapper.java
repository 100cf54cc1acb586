package org.lodestone.agreement.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lodestone.agreement.Commitment;
import org.lodestone.agreement.CommitmentRepository;
import org.lodestone.agreement.CommitmentStatusCalculator;
import org.lodestone.agreement.LatestProgress;
import org.lodestone.agreement.ProgressReport;
import org.lodestone.agreement.api.AgreementView;
import org.lodestone.agreement.api.CommitmentView;
import org.lodestone.agreement.api.NewCommitmentCommand;
import org.lodestone.agreement.api.ProgressCommand;
import org.lodestone.agreement.api.ProgressView;

/** Commitments and their progress reports between entity and record, and their audit state. */
public final class CommitmentMapper {

    private CommitmentMapper() {
    }

    /**
     * A commitment with its status as of {@code today}, derived from its target, its latest progress and its dates.
     * Delivery is measured from the agreement's signing date, or from the commitment's creation when unsigned.
     */
    public static CommitmentView toView(CommitmentRepository.Row row, CommitmentStatusCalculator calculator,
            LocalDate today) {
        Commitment c = row.commitment();
        AgreementView agreement = AgreementMapper.toView(row.agreement());
        LatestProgress latest = row.latest();
        boolean quantityTarget = c.targetQuantity != null;
        Double target = toDouble(quantityTarget ? c.targetQuantity : c.targetAmount);
        Double progress = latest == null ? null
                : toDouble(quantityTarget ? latest.reportedQuantity : latest.reportedAmount);
        LocalDate progressAsOf = latest == null ? null : latest.asOf;
        LocalDate start = agreement.signedOn() != null ? agreement.signedOn()
                : c.createdAt == null ? null : c.createdAt.toLocalDate();
        CommitmentStatusCalculator.Result result = calculator.evaluate(target, progress, start, c.dueOn, today);
        return new CommitmentView(c.id, agreement, c.obligor, c.kind, c.description, c.mineralId,
                toDouble(c.targetQuantity), c.unit, toDouble(c.targetAmount), c.currency, c.dueOn, c.basis,
                result.status(), progress, progressAsOf, result.fulfilledPct());
    }

    /** A new commitment from a validated command; the kind takes its listed spelling, blank unit or currency none. */
    public static Commitment toEntity(NewCommitmentCommand cmd, String id, String agreementId, OffsetDateTime now) {
        Commitment c = new Commitment();
        c.id = id;
        c.agreementId = agreementId;
        c.obligor = cmd.obligor();
        c.kind = Commitment.KINDS.canonical(cmd.kind());
        c.description = cmd.description().trim();
        c.mineralId = cmd.mineral();
        c.targetQuantity = toDecimal(cmd.targetQuantity());
        c.unit = blankToNull(cmd.unit());
        c.targetAmount = toDecimal(cmd.targetAmount());
        c.currency = blankToNull(cmd.currency());
        c.dueOn = cmd.dueOn();
        c.createdAt = now;
        return c;
    }

    public static ProgressReport toEntity(ProgressCommand cmd, String commitmentId, String reporterSubject,
            String reporterCountry, OffsetDateTime now) {
        ProgressReport report = new ProgressReport();
        report.commitmentId = commitmentId;
        report.reportedQuantity = toDecimal(cmd.quantity());
        report.reportedAmount = toDecimal(cmd.amount());
        report.asOf = cmd.asOf();
        report.note = cmd.note();
        report.reporterSubject = reporterSubject;
        report.reporterCountry = reporterCountry;
        report.createdAt = now;
        return report;
    }

    public static ProgressView toView(ProgressReport p) {
        return new ProgressView(p.id, p.commitmentId, toDouble(p.reportedQuantity), toDouble(p.reportedAmount), p.asOf,
                p.note, p.reporterSubject, p.reporterCountry, p.createdAt);
    }

    /** What the audit trail records of a commitment as the API shows it: its terms, status and progress. */
    public static Map<String, Object> auditState(CommitmentView view) {
        Map<String, Object> state = terms(view.id(), view.agreement().id(), view.obligor(), view.kind(),
                view.description(), view.mineral(), view.targetQuantity(), view.unit(), view.targetAmount(),
                view.currency(), view.dueOn());
        state.put("status", view.status());
        state.put("progress", view.progress());
        state.put("fulfilledPct", view.fulfilledPct());
        return state;
    }

    /** What the audit trail records of a commitment as stored, before any status is derived (seed import). */
    public static Map<String, Object> auditState(Commitment c) {
        return terms(c.id, c.agreementId, c.obligor, c.kind, c.description, c.mineralId, c.targetQuantity, c.unit,
                c.targetAmount, c.currency, c.dueOn);
    }

    private static Map<String, Object> terms(String id, String agreementId, String obligor, String kind,
            String description, String mineral, Object targetQuantity, String unit, Object targetAmount,
            String currency, LocalDate dueOn) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", id);
        state.put("agreementId", agreementId);
        state.put("obligor", obligor);
        state.put("kind", kind);
        state.put("description", description);
        state.put("mineral", mineral);
        state.put("targetQuantity", targetQuantity);
        state.put("unit", unit);
        state.put("targetAmount", targetAmount);
        state.put("currency", currency);
        state.put("dueOn", dueOn);
        return state;
    }

    private static Double toDouble(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static BigDecimal toDecimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
