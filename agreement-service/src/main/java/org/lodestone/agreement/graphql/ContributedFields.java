package org.lodestone.agreement.graphql;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.CommitmentStatus;
import org.lodestone.agreement.service.AgreementService;
import org.lodestone.agreement.api.AgreementView;
import org.lodestone.agreement.service.CommitmentService;
import org.lodestone.support.BatchByArguments;
import org.lodestone.support.DatabaseOutageAware;

import io.smallrye.graphql.api.Nullable;

/**
 * Fields this subgraph contributes to Country and Mineral, filtered by visibility. Fields with arguments resolve
 * per country through {@link BatchByArguments} (one statement per alias for all countries); the others are batched.
 * <p>
 * Every field here is nullable, so that an outage of this subgraph nulls only these fields and not the country or
 * mineral that carries them. {@code @Nullable} is needed on the single-parent fields: SmallRye GraphQL copies the
 * annotations of a returned list's element type onto the field, so {@code List<@NonNull AgreementNode>} alone would
 * make the list itself non-null. The batched field ({@code List<List<@NonNull ...>>}) has no annotation on its first
 * type argument and is nullable as it stands.
 */
@DatabaseOutageAware
@GraphQLApi
public class ContributedFields {

    private final AgreementService agreements;
    private final CommitmentService commitments;
    private final BatchByArguments batches;

    public ContributedFields(AgreementService agreements, CommitmentService commitments, BatchByArguments batches) {
        this.agreements = agreements;
        this.commitments = commitments;
        this.batches = batches;
    }

    @Name("agreements")
    @Nullable
    public List<@NonNull AgreementNode> countryAgreements(@Source CountryNode country,
            AgreementStatus status) {
        return Nodes.agreements(batches.get(CountryNode.class, country.code(), "agreements", Arrays.asList(status),
                codes -> announced(agreements.byParty(codes, status)), List.of()));
    }

    @Name("commitments")
    @Nullable
    public List<@NonNull CommitmentNode> countryCommitments(@Source CountryNode country,
            CommitmentStatus status) {
        return Nodes.commitments(batches.get(CountryNode.class, country.code(), "commitments",
                Arrays.asList(status), codes -> commitments.byObligor(codes, status), List.of()));
    }

    @Name("agreements")
    public List<List<@NonNull AgreementNode>> mineralAgreements(
            @Source List<MineralNode> minerals) {
        Map<String, List<AgreementView>> byMineral = announced(agreements.byMineral(
                minerals.stream().map(MineralNode::id).distinct().toList()));
        return minerals.stream().map(m -> Nodes.agreements(byMineral.getOrDefault(m.id(), List.of()))).toList();
    }

    /** Announces the agreements found, so that their commitments(status) load for all of them at once. */
    private Map<String, List<AgreementView>> announced(Map<String, List<AgreementView>> found) {
        batches.announce(AgreementNode.class,
                found.values().stream().flatMap(List::stream).map(AgreementView::id).toList());
        return found;
    }
}
