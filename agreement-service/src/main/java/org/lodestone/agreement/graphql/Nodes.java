package org.lodestone.agreement.graphql;

import java.time.ZoneOffset;
import java.util.List;

import org.lodestone.agreement.api.AgreementFilter;
import org.lodestone.agreement.api.AgreementPatchCommand;
import org.lodestone.agreement.api.AgreementView;
import org.lodestone.agreement.api.AuditEventView;
import org.lodestone.agreement.api.CommitmentDashboard;
import org.lodestone.agreement.api.CommitmentFilter;
import org.lodestone.agreement.api.CommitmentView;
import org.lodestone.agreement.api.NewAgreementCommand;
import org.lodestone.agreement.api.NewCommitmentCommand;
import org.lodestone.agreement.api.ProgressCommand;
import org.lodestone.agreement.api.ProgressView;
import org.lodestone.support.citation.SourceNode;

/** Service views to GraphQL nodes and GraphQL inputs to service commands, in one place. */
final class Nodes {

    private Nodes() {
    }

    static AgreementNode agreement(AgreementView a) {
        if (a == null) {
            return null;
        }
        return new AgreementNode(a.id(), a.title(), a.type(), a.parties().stream().map(CountryNode::new).toList(),
                a.minerals().stream().map(MineralNode::new).toList(), a.signedOn(), a.signedPeriod(), a.status(),
                a.visibility(), a.summary(), a.commitmentsText(), a.version(), SourceNode.of(a.source()));
    }

    static List<AgreementNode> agreements(List<AgreementView> views) {
        return views.stream().map(Nodes::agreement).toList();
    }

    static CommitmentNode commitment(CommitmentView c) {
        if (c == null) {
            return null;
        }
        return new CommitmentNode(c.id(), agreement(c.agreement()), new CountryNode(c.obligor()), c.kind(),
                c.description(), c.mineral() == null ? null : new MineralNode(c.mineral()), c.targetQuantity(), c.unit(),
                c.targetAmount(), c.currency(), c.dueOn(), c.basis(), c.status(), c.progress(), c.progressAsOf(),
                c.fulfilledPct());
    }

    static List<CommitmentNode> commitments(List<CommitmentView> views) {
        return views.stream().map(Nodes::commitment).toList();
    }

    static ProgressReportNode progress(ProgressView p) {
        return new ProgressReportNode(String.valueOf(p.id()), p.reportedQuantity(), p.reportedAmount(), p.asOf(), p.note(),
                p.reporterCountry() == null ? null : new CountryNode(p.reporterCountry()),
                p.reportedAt().withOffsetSameInstant(ZoneOffset.UTC).toString());
    }

    static AuditEventNode audit(AuditEventView e) {
        return new AuditEventNode(String.valueOf(e.id()), e.entity(), e.entityId(), e.operation(), e.subject(),
                e.country(), e.occurredAt().withOffsetSameInstant(ZoneOffset.UTC).toString(), e.before(), e.after(),
                e.reason());
    }
    static DashboardNodes.Dashboard dashboard(CommitmentDashboard d) {
        return new DashboardNodes.Dashboard(d.asOf(), d.total(), statusCounts(d.byStatus()),
                d.byObligor().stream().map(Nodes::groupCount).toList(),
                d.byAgreement().stream().map(Nodes::groupCount).toList(), commitments(d.dueSoon()));
    }

    private static DashboardNodes.GroupCount groupCount(CommitmentDashboard.GroupCount g) {
        return new DashboardNodes.GroupCount(g.key(), g.total(), statusCounts(g.byStatus()));
    }

    private static List<DashboardNodes.StatusCount> statusCounts(List<CommitmentDashboard.StatusCount> counts) {
        return counts.stream().map(c -> new DashboardNodes.StatusCount(c.status(), c.count())).toList();
    }

    static AgreementFilter filter(Inputs.AgreementFilter f) {
        return f == null ? AgreementFilter.NONE
                : new AgreementFilter(f.party(), f.mineral(), f.status(), f.visibility(), f.type());
    }

    static CommitmentFilter filter(Inputs.CommitmentFilter f) {
        return f == null ? CommitmentFilter.NONE
                : new CommitmentFilter(f.obligor(), f.status(), f.dueBefore(), f.dueWithinDays(), f.agreement());
    }

    static NewAgreementCommand command(Inputs.NewAgreement in) {
        return new NewAgreementCommand(in.id(), in.title(), in.type(), in.parties(), in.minerals(), in.signedOn(),
                in.status(), in.visibility(), in.summary(), in.source());
    }

    static AgreementPatchCommand command(int expectedVersion, Inputs.AgreementPatch in) {
        return new AgreementPatchCommand(expectedVersion, in.title(), in.type(), in.parties(), in.minerals(), in.signedOn(),
                in.visibility(), in.summary(), in.source());
    }

    static NewCommitmentCommand command(Inputs.NewCommitment in) {
        return new NewCommitmentCommand(in.obligor(), in.kind(), in.description(), in.mineral(), in.targetQuantity(),
                in.unit(), in.targetAmount(), in.currency(), in.dueOn());
    }

    static ProgressCommand command(Inputs.ProgressInput in) {
        return new ProgressCommand(in.quantity(), in.amount(), in.asOf(), in.note());
    }
}
