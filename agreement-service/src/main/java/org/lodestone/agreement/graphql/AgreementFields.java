package org.lodestone.agreement.graphql;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.lodestone.agreement.CommitmentStatus;
import org.lodestone.agreement.service.AgreementService;
import org.lodestone.agreement.api.AuditEventView;
import org.lodestone.agreement.service.CommitmentService;
import org.lodestone.agreement.api.ProgressView;
import org.lodestone.support.BatchByArguments;

/**
 * Nested fields of Agreement and Commitment: N parents cost one SQL query per field (per alias for commitments(status)),
 * not N.
 * Parents only exist for agreements the caller may see, so their children are visible too.
 */
@GraphQLApi
public class AgreementFields {

    private final AgreementService agreements;
    private final CommitmentService commitments;
    private final BatchByArguments batches;

    public AgreementFields(AgreementService agreements, CommitmentService commitments, BatchByArguments batches) {
        this.agreements = agreements;
        this.commitments = commitments;
        this.batches = batches;
    }

    /** Per agreement through {@link BatchByArguments}, so that aliases with different status stay apart. */
    @Name("commitments")
    public @NonNull List<@NonNull CommitmentNode> agreementCommitments(@Source AgreementNode agreement,
            CommitmentStatus status) {
        return Nodes.commitments(batches.get(AgreementNode.class, agreement.id(), "commitments",
                Arrays.asList(status), ids -> commitments.byAgreements(ids, status), List.of()));
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
