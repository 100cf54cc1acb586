package org.lodestone.agreement.graphql;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.agreement.AlertKind;
import org.lodestone.agreement.CommitmentStatus;

@Name("CommitmentAlert")
@Description("""
        Progress was reported on a commitment (PROGRESS_REPORTED), or the daily evaluation found it AT_RISK or \
        OVERDUE (COMMITMENT_AT_RISK, COMMITMENT_OVERDUE; once per change of status). commitmentStatus and \
        fulfilledPct are those at the time; commitment is read now, with the caller's visibility.""")
public class CommitmentAlertNode implements AlertNode {

    private final String id;
    private final AlertKind kind;
    private final OffsetDateTime occurredAt;
    private final List<String> countries;
    private final CommitmentNode commitment;
    private final CommitmentStatus commitmentStatus;
    private final Double fulfilledPct;

    CommitmentAlertNode(String id, AlertKind kind, OffsetDateTime occurredAt, List<String> countries,
            CommitmentNode commitment, CommitmentStatus commitmentStatus, Double fulfilledPct) {
        this.id = id;
        this.kind = kind;
        this.occurredAt = occurredAt;
        this.countries = countries;
        this.commitment = commitment;
        this.commitmentStatus = commitmentStatus;
        this.fulfilledPct = fulfilledPct;
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
