package org.lodestone.agreement.mapping;

import java.time.OffsetDateTime;
import java.util.List;

import org.lodestone.agreement.Agreement;
import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.AuditEvent;
import org.lodestone.agreement.api.AgreementPatchCommand;
import org.lodestone.agreement.api.AgreementView;
import org.lodestone.agreement.api.AuditEventView;
import org.lodestone.agreement.api.NewAgreementCommand;
import org.lodestone.support.citation.Citation;
import org.lodestone.support.citation.CitationParser;

/** Agreements and their audit events between entity and record; entities never leave the service layer. */
public final class AgreementMapper {

    private AgreementMapper() {
    }

    public static AgreementView toView(Agreement a) {
        return new AgreementView(a.id, a.title, a.type, List.of(a.parties), List.of(a.minerals), a.signedOn,
                a.signedPeriod, a.status, a.visibility, a.summary, a.commitmentsText, a.version,
                toSource(a.sourceText));
    }

    public static AuditEventView toView(AuditEvent e) {
        return new AuditEventView(e.id, e.agreementId, e.entity, e.entityId, e.operation, e.subject, e.country,
                e.occurredAt, e.before, e.after, e.reason);
    }

    /** A new agreement from a validated command; texts are trimmed, the type takes its listed spelling. */
    public static Agreement toEntity(NewAgreementCommand cmd, String id, OffsetDateTime now) {
        Agreement a = new Agreement();
        a.id = id;
        a.title = cmd.title().trim();
        a.type = Agreement.TYPES.canonical(cmd.type());
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
        return a;
    }

    /** Replaces the fields a validated patch names and keeps the others. */
    public static void applyPatch(Agreement a, AgreementPatchCommand patch) {
        if (patch.title() != null) {
            a.title = patch.title().trim();
        }
        if (patch.type() != null) {
            a.type = Agreement.TYPES.canonical(patch.type());
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
    }

    /**
     * The parts of an agreement's source, read by the shared parser. An agreement always has a source in the API, so
     * a blank one (never stored by the API, possible in old rows) reads as an empty citation rather than null.
     */
    public static Citation toSource(String citationText) {
        Citation parsed = CitationParser.parse(citationText);
        return parsed == null ? new Citation("", null, null, null, null, List.of()) : parsed;
    }
}
