package org.lodestone.agreement.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.service.AgreementChangeService;
import org.lodestone.agreement.service.AgreementService;
import org.lodestone.agreement.service.CommitmentChangeService;
import org.lodestone.agreement.service.CommitmentDashboardService;
import org.lodestone.agreement.service.CommitmentService;
import org.lodestone.support.BatchByArguments;
import org.lodestone.support.DatabaseOutageAware;

import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;

/**
 * Root fields and federation entity resolvers of the agreement subgraph. Lists of parents are announced to
 * {@link BatchByArguments}, so that a field with arguments loads for all of them at once. Visibility and roles are enforced in the
 * services, so every path (root field, entity, nested field) gets the same answer for the same caller.
 */
@DatabaseOutageAware
@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.7", _import = {
        @Import(name = "@key"), @Import(name = "@shareable"), @Import(name = "@external"),
        @Import(name = "@requires") })
public class AgreementGraphApi {

    private final AgreementService agreements;
    private final AgreementChangeService agreementChanges;
    private final CommitmentService commitments;
    private final CommitmentChangeService commitmentChanges;
    private final CommitmentDashboardService dashboard;
    private final BatchByArguments batches;

    public AgreementGraphApi(AgreementService agreements, AgreementChangeService agreementChanges,
            CommitmentService commitments, CommitmentChangeService commitmentChanges,
            CommitmentDashboardService dashboard, BatchByArguments batches) {
        this.agreements = agreements;
        this.agreementChanges = agreementChanges;
        this.commitments = commitments;
        this.commitmentChanges = commitmentChanges;
        this.dashboard = dashboard;
        this.batches = batches;
    }

    @Query("agreements")
    @Description("Agreements the caller may see, filtered.")
    public @NonNull List<@NonNull AgreementNode> agreements(Inputs.AgreementFilter filter) {
        List<AgreementNode> found = Nodes.agreements(agreements.list(Nodes.filter(filter)));
        batches.announce(AgreementNode.class, found.stream().map(AgreementNode::id).toList());
        return found;
    }

    @Query("agreement")
    @Description("One agreement; NOT_FOUND when it does not exist or the caller may not see it.")
    public AgreementNode agreement(@Id @NonNull String id) {
        return Nodes.agreement(agreements.get(id));
    }

    @Query("commitments")
    @Description("Commitments of agreements the caller may see, filtered.")
    public @NonNull List<@NonNull CommitmentNode> commitments(Inputs.CommitmentFilter filter) {
        return Nodes.commitments(commitments.list(Nodes.filter(filter)));
    }

    @Query("commitmentsDashboard")
    @Description("Commitment counts by status, per obligor and per agreement, and those due within the next days.")
    public @NonNull DashboardNodes.Dashboard commitmentsDashboard(@DefaultValue("90") int dueWithinDays) {
        return Nodes.dashboard(dashboard.dashboard(dueWithinDays));
    }

    @Mutation("createAgreement")
    @Description("Admins only.")
    public @NonNull AgreementNode createAgreement(@NonNull Inputs.NewAgreement input) {
        return Nodes.agreement(agreementChanges.create(Nodes.command(input)));
    }

    @Mutation("updateAgreement")
    @Description("Admins only; VERSION_CONFLICT when expectedVersion is not the current version.")
    public @NonNull AgreementNode updateAgreement(@Id @NonNull String id, int expectedVersion,
            @NonNull Inputs.AgreementPatch input) {
        return Nodes.agreement(agreementChanges.update(id, Nodes.command(expectedVersion, input)));
    }

    @Mutation("changeAgreementStatus")
    @Description("Admins only; moves allowed: DRAFT->NEGOTIATING->SIGNED->IN_FORCE, IN_FORCE<->SUSPENDED,"
            + " IN_FORCE|SUSPENDED->EXPIRED|TERMINATED.")
    public @NonNull AgreementNode changeAgreementStatus(@Id @NonNull String id, int expectedVersion,
            @NonNull AgreementStatus status, String reason) {
        return Nodes.agreement(agreementChanges.changeStatus(id, expectedVersion, status, reason));
    }

    @Mutation("addCommitment")
    @Description("Admins only.")
    public @NonNull CommitmentNode addCommitment(@Id @NonNull String agreementId, @NonNull Inputs.NewCommitment input) {
        return Nodes.commitment(commitmentChanges.add(agreementId, Nodes.command(input)));
    }

    @Mutation("reportProgress")
    @Description("Admins, and members from the commitment's obligor country.")
    public @NonNull CommitmentNode reportProgress(@Id @NonNull String commitmentId, @NonNull Inputs.ProgressInput input) {
        return Nodes.commitment(commitmentChanges.reportProgress(commitmentId, Nodes.command(input)));
    }

    /** _entities for Agreement: one statement for all representations; hidden or unknown ids resolve to null. */
    @Resolver
    public List<AgreementNode> agreementEntities(List<String> id) {
        batches.announce(AgreementNode.class, id);
        return Nodes.agreements(agreements.findAll(id));
    }

    /** _entities for Commitment: a commitment of a hidden agreement resolves to null like an unknown one. */
    @Resolver
    public List<CommitmentNode> commitmentEntities(List<String> id) {
        return Nodes.commitments(commitments.findAll(id));
    }

    /** Country is owned by country-service: the key is all this subgraph needs. */
    @Resolver
    public List<CountryNode> countryEntities(List<String> code) {
        batches.announce(CountryNode.class, code);
        return code.stream().map(CountryNode::new).toList();
    }

    /** Mineral is owned by mineral-service: the key is all this subgraph needs. */
    @Resolver
    public List<MineralNode> mineralEntities(List<String> id) {
        return id.stream().map(MineralNode::new).toList();
    }
}
