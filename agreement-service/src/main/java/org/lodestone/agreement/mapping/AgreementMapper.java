package org.lodestone.agreement.mapping;

import java.math.BigDecimal;
import java.util.List;

import org.lodestone.agreement.Agreement;
import org.lodestone.agreement.AuditEvent;
import org.lodestone.agreement.ProgressReport;
import org.lodestone.agreement.api.AgreementView;
import org.lodestone.agreement.api.AuditEventView;
import org.lodestone.agreement.api.ProgressView;
import org.lodestone.agreement.api.SourceView;
import org.lodestone.support.citation.Citation;
import org.lodestone.support.citation.CitationParser;

/** Entity to view mapping; entities never leave the service layer. */
public final class AgreementMapper {

    private AgreementMapper() {
    }

    public static AgreementView toView(Agreement a) {
        return new AgreementView(a.id, a.title, a.type, List.of(a.parties), List.of(a.minerals), a.signedOn,
                a.signedPeriod, a.status, a.visibility, a.summary, a.commitmentsText, a.version,
                toSource(a.sourceText));
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

    /**
     * The parts of an agreement's source, read by the shared parser. An agreement always has a source in the API, so
     * a blank one (never stored by the API, possible in old rows) reads as an empty citation rather than null.
     */
    public static SourceView toSource(String citationText) {
        Citation parsed = CitationParser.parse(citationText);
        return parsed == null ? new SourceView("", null, null, null, null, List.of())
                : new SourceView(parsed.citation(), parsed.publisher(), parsed.title(), parsed.year(), parsed.url(),
                        parsed.refs());
    }
}
