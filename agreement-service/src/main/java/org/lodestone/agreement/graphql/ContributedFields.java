package org.lodestone.agreement.graphql;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.CommitmentStatus;
import org.lodestone.agreement.service.AgreementService;
import org.lodestone.agreement.service.AgreementView;
import org.lodestone.agreement.service.CommitmentService;
import org.lodestone.agreement.service.CommitmentView;

/** Fields this subgraph contributes to Country and Mineral, batch-resolved and filtered by visibility. */
@GraphQLApi
public class ContributedFields {

    private final AgreementService agreements;
    private final CommitmentService commitments;

    public ContributedFields(AgreementService agreements, CommitmentService commitments) {
        this.agreements = agreements;
        this.commitments = commitments;
    }

    @Name("agreements")
    public @NonNull List<@NonNull List<@NonNull AgreementNode>> countryAgreements(
            @Source List<CountryNode> countries, AgreementStatus status) {
        Map<String, List<AgreementView>> byParty = agreements.byParty(codes(countries), status);
        return countries.stream().map(c -> Nodes.agreements(byParty.getOrDefault(c.code(), List.of()))).toList();
    }

    @Name("commitments")
    public @NonNull List<@NonNull List<@NonNull CommitmentNode>> countryCommitments(
            @Source List<CountryNode> countries, CommitmentStatus status) {
        Map<String, List<CommitmentView>> byObligor = commitments.byObligor(codes(countries), status);
        return countries.stream().map(c -> Nodes.commitments(byObligor.getOrDefault(c.code(), List.of()))).toList();
    }

    @Name("agreements")
    public @NonNull List<@NonNull List<@NonNull AgreementNode>> mineralAgreements(
            @Source List<MineralNode> minerals) {
        Map<String, List<AgreementView>> byMineral = agreements.byMineral(
                minerals.stream().map(MineralNode::id).distinct().toList());
        return minerals.stream().map(m -> Nodes.agreements(byMineral.getOrDefault(m.id(), List.of()))).toList();
    }

    private static List<String> codes(List<CountryNode> countries) {
        return countries.stream().map(CountryNode::code).distinct().toList();
    }
}
