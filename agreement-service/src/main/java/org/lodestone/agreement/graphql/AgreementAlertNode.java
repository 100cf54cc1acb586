package org.lodestone.agreement.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.agreement.AgreementStatus;
import org.lodestone.support.alert.AlertNode;
import org.lodestone.support.alert.AlertNodeBase;
import org.lodestone.support.alert.AlertView;

@Name("AgreementAlert")
@Description("""
        An agreement was created (AGREEMENT_CREATED), updated (AGREEMENT_UPDATED) or moved to another status \
        (AGREEMENT_STATUS_CHANGED, with previousStatus and the reason given). agreementStatus and version are those \
        right after the change; agreement is read now, with the caller's visibility.""")
public class AgreementAlertNode extends AlertNodeBase implements AlertNode {

    private final AgreementNode agreement;
    private final AgreementStatus agreementStatus;
    private final AgreementStatus previousStatus;
    private final int version;
    private final String reason;

    AgreementAlertNode(AlertView<?> alert, AgreementNode agreement, AgreementStatus agreementStatus,
            AgreementStatus previousStatus, int version, String reason) {
        super(alert);
        this.agreement = agreement;
        this.agreementStatus = agreementStatus;
        this.previousStatus = previousStatus;
        this.version = version;
        this.reason = reason;
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
