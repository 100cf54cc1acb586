package org.lodestone.agreement.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.agreement.CommitmentStatus;
import org.lodestone.support.alert.AlertNode;
import org.lodestone.support.alert.AlertNodeBase;
import org.lodestone.support.alert.AlertView;

@Name("CommitmentAlert")
@Description("""
        Progress was reported on a commitment (PROGRESS_REPORTED), or the daily evaluation found it AT_RISK or \
        OVERDUE (COMMITMENT_AT_RISK, COMMITMENT_OVERDUE; once per change of status). commitmentStatus and \
        fulfilledPct are those at the time; commitment is read now, with the caller's visibility.""")
public class CommitmentAlertNode extends AlertNodeBase implements AlertNode {

    private final CommitmentNode commitment;
    private final CommitmentStatus commitmentStatus;
    private final Double fulfilledPct;

    CommitmentAlertNode(AlertView<?> alert, CommitmentNode commitment, CommitmentStatus commitmentStatus,
            Double fulfilledPct) {
        super(alert);
        this.commitment = commitment;
        this.commitmentStatus = commitmentStatus;
        this.fulfilledPct = fulfilledPct;
    }

    public CommitmentNode getCommitment() {
        return commitment;
    }

    public @NonNull CommitmentStatus getCommitmentStatus() {
        return commitmentStatus;
    }

    public Double getFulfilledPct() {
        return fulfilledPct;
    }
}
