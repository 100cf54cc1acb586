package org.lodestone.agreement.graphql;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.lodestone.agreement.CommitmentStatus;
import org.lodestone.agreement.service.AgreementService;
import org.lodestone.agreement.service.AuditEventView;
import org.lodestone.agreement.service.CommitmentService;
import org.lodestone.agreement.service.CommitmentView;
import org.lodestone.agreement.service.ProgressView;

/**
 * Nested fields of Agreement and Commitment, batch-resolved: N parents cost one SQL query per field, not N.
 * Parents only exist for agreements the caller may see, so their children are visible too.
 */
@GraphQLApi
public class AgreementFields {

    private final AgreementService agreements;
    private final CommitmentService commitments;

    public AgreementFields(AgreementService agreements, CommitmentService commitments) {
        this.agreements = agreements;
        this.commitments = commitments;
    }

    @Name("commitments")
    public @NonNull List<@NonNull List<@NonNull CommitmentNode>> agreementCommitments(
            @Source List<AgreementNode> parents, CommitmentStatus status) {
        Map<String, List<CommitmentView>> byAgreement = commitments.byAgreements(
                parents.stream().map(AgreementNode::id).distinct().toList(), status);
        return parents.stream().map(p -> Nodes.commitments(byAgreement.getOrDefault(p.id(), List.of()))).toList();
    }

    /**
     * Admins only: others get a FORBIDDEN error on this field (the rest of the agreement still resolves), because
     * the trail names the officials who made each change. Nullable for that reason.
     */
    @Name("history")
    @Description("Audit events, oldest first. Admins only; others get a FORBIDDEN error and null.")
    public List<List<@NonNull AuditEventNode>> history(@Source List<AgreementNode> parents) {
        Map<String, List<AuditEventView>> events = agreements.histories(parents.stream().map(AgreementNode::id).toList());
        return parents.stream()
                .map(p -> events.getOrDefault(p.id(), List.of()).stream().map(Nodes::audit).toList()).toList();
    }

    @Name("progress")
    @Description("Progress reports, oldest first; each states cumulative progress as of its date.")
    public @NonNull List<@NonNull List<@NonNull ProgressReportNode>> progress(
            @Source List<CommitmentNode> parents) {
        Map<String, List<ProgressView>> reports = commitments.progress(parents.stream().map(CommitmentNode::id).toList());
        return parents.stream()
                .map(p -> reports.getOrDefault(p.id(), List.of()).stream().map(Nodes::progress).toList()).toList();
    }
}
