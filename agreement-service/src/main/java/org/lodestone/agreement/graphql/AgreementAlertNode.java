package org.lodestone.agreement.graphql;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.AlertKind;

@Name("AgreementAlert")
@Description("""
        An agreement was created (AGREEMENT_CREATED), updated (AGREEMENT_UPDATED) or moved to another status \
        (AGREEMENT_STATUS_CHANGED, with previousStatus and the reason given). agreementStatus and version are those \
        right after the change; agreement is read now, with the caller's visibility.""")
public class AgreementAlertNode implements AlertNode {

    private final String id;
    private final AlertKind kind;
    private final OffsetDateTime occurredAt;
    private final List<String> countries;
    private final AgreementNode agreement;
    private final AgreementStatus agreementStatus;
    private final AgreementStatus previousStatus;
    private final int version;
    private final String reason;

    AgreementAlertNode(String id, AlertKind kind, OffsetDateTime occurredAt, List<String> countries,
            AgreementNode agreement, AgreementStatus agreementStatus, AgreementStatus previousStatus, int version,
            String reason) {
        this.id = id;
        this.kind = kind;
        this.occurredAt = occurredAt;
        this.countries = countries;
        this.agreement = agreement;
        this.agreementStatus = agreementStatus;
        this.previousStatus = previousStatus;
        this.version = version;
        this.reason = reason;
    }

    @Id
    @Override
    public @NonNull String getId() {
        return id;
    }

    @Override
    public @NonNull AlertKind getKind() {
        return kind;
    }

    @Override
    public @NonNull OffsetDateTime getOccurredAt() {
        return occurredAt;
    }

    @Override
    public @NonNull List<@NonNull String> getCountries() {
        return countries;
    }

    public AgreementNode getAgreement() {
        return agreement;
    }

    public @NonNull AgreementStatus getAgreementStatus() {
        return agreementStatus;
    }

    public AgreementStatus getPreviousStatus() {
        return previousStatus;
    }

    public int getVersion() {
        return version;
    }

    public String getReason() {
        return reason;
    }
}
