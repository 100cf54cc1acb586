package org.lodestone.agreement.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.api.AgreementView;
import org.lodestone.agreement.api.CommitmentView;

import jakarta.enterprise.context.RequestScoped;

/**
 * Agreements and commitments for the scenario impacts of one request. The {@code _entities} resolver announces all
 * representations first ({@link #expect}); the first field that needs agreements (or commitments) then loads them
 * for every announced member with one statement, and each field filters that snapshot with its own arguments.
 * <p>
 * Why not a batched {@code @Source List<...>} field: SmallRye GraphQL batches a field through one data loader per
 * field name and calls it once for all its occurrences with the first one's arguments, so two aliases of the field
 * with different {@code status} arguments would both get the first alias's answer (see also BatchByArguments).
 */
@RequestScoped
public class ScenarioLookup {

    private final AgreementService agreements;
    private final CommitmentService commitments;

    private final Set<String> members = new LinkedHashSet<>();
    private Map<String, List<AgreementView>> agreementsByMember;
    private List<CommitmentView> memberCommitments;

    public ScenarioLookup(AgreementService agreements, CommitmentService commitments) {
        this.agreements = agreements;
        this.commitments = commitments;
    }

    /** Announces the impacts of this request, so that one statement serves them all. */
    public synchronized void expect(Collection<ScenarioRule.Impact> impacts) {
        impacts.forEach(i -> addMember(i.member()));
    }

    /** Visible agreements relevant to the impact, ordered by id. */
    public synchronized List<AgreementView> agreements(ScenarioRule.Impact impact, Set<AgreementStatus> statuses) {
        addMember(impact.member());
        if (agreementsByMember == null) {
            agreementsByMember = new LinkedHashMap<>(agreements.byParty(new ArrayList<>(members), null));
        }
        return agreementsByMember.getOrDefault(impact.member(), List.of()).stream()
                .filter(a -> ScenarioRule.agreementRelevant(impact, a, statuses)).toList();
    }

    /** Visible commitments relevant to the impact, ordered by id. */
    public synchronized List<CommitmentView> commitments(ScenarioRule.Impact impact, Set<AgreementStatus> statuses) {
        addMember(impact.member());
        if (memberCommitments == null) {
            memberCommitments = commitments.byAgreementParties(members);
        }
        return memberCommitments.stream().filter(c -> ScenarioRule.commitmentRelevant(impact, c, statuses)).toList();
    }

    /** A member not yet covered by a loaded snapshot invalidates it (only when fields are resolved before expect). */
    private void addMember(String member) {
        if (!member.isEmpty() && members.add(member)) {
            agreementsByMember = null;
            memberCommitments = null;
        }
    }
}
