package org.lodestone.agreement.mapping;

import java.math.BigDecimal;
import java.util.List;

import org.lodestone.agreement.Agreement;
import org.lodestone.agreement.AuditEvent;
import org.lodestone.agreement.ProgressReport;
import org.lodestone.agreement.service.AgreementView;
import org.lodestone.agreement.service.AuditEventView;
import org.lodestone.agreement.service.ProgressView;

/** Entity to view mapping; entities never leave the service layer. */
public final class AgreementMapper {

    private AgreementMapper() {
    }

    public static AgreementView toView(Agreement a) {
        return new AgreementView(a.id, a.title, a.type, List.of(a.parties), List.of(a.minerals), a.signedOn,
                a.signedPeriod, a.status, a.visibility, a.summary, a.commitmentsText, a.version,
                SourceParser.parse(a.sourceText));
    }

    public static ProgressView toView(ProgressReport p) {
        return new ProgressView(p.id, p.commitmentId, toDouble(p.reportedQuantity), toDouble(p.reportedAmount), p.asOf,
                p.note, p.reporterSubject, p.reporterCountry, p.createdAt);
    }

    public static AuditEventView toView(AuditEvent e) {
        return new AuditEventView(e.id, e.agreementId, e.entity, e.entityId, e.operation, e.subject, e.country,
                e.occurredAt, e.before, e.after, e.reason);
    }

    public static Double toDouble(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    public static BigDecimal toDecimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
