package org.lodestone.agreement.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.service.ScenarioLookup;
import org.lodestone.agreement.service.ScenarioRule;
import org.lodestone.support.DatabaseOutageAware;

import io.smallrye.graphql.api.Nullable;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Requires;
import io.smallrye.graphql.api.federation.Resolver;

/**
 * Agreements and commitments for each member hit by an export-control scenario ({@link ScenarioRule}). The gateway
 * sends the member, minerals and producers with each representation; all representations of one request are
 * answered with one SQL statement per field ({@link ScenarioLookup}), filtered by the caller's visibility like every
 * other path.
 */
@DatabaseOutageAware
@GraphQLApi
public class ScenarioFields {

    private static final String RULE = """
            Relevant when the member is a party; at least one other party (bilateral or plurilateral alike) is among \
            producerCodes; the agreement's minerals are related to mineralIds (equal; one a group containing the \
            other, e.g. rare_earths contains dysprosium and heavy_rare_earths; or critical_minerals_general, which \
            covers every mineral); and its status is in `status`. Seeded agreements are SIGNED unless their text says \
            they entered into force, so the default is [SIGNED, IN_FORCE]. Agreements the caller may not see never \
            appear.""";

    private static final Pattern MEMBER = Pattern.compile("[A-Z]{2}");
    private static final Pattern MINERAL = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final ScenarioLookup lookup;

    public ScenarioFields(ScenarioLookup lookup) {
        this.lookup = lookup;
    }

    // Nullable, as a field contributed to another subgraph's entity. SmallRye GraphQL copies the annotations of the
    // list's element type onto the field itself, so without @Nullable List<@NonNull ...> would serve [X!]!.
    // Per impact rather than a batched @Source List: see ScenarioLookup. The lookup still answers all impacts of the
    // request with one statement per field.
    @Name("agreements")
    @Requires(fields = @FieldSet("memberCode mineralIds producerCodes"))
    @Description("Agreements that matter to this hit member. " + RULE)
    @Nullable
    public List<@NonNull AgreementNode> scenarioAgreements(@Source ScenarioImpactNode impact,
            @DefaultValue("[\"SIGNED\", \"IN_FORCE\"]") List<@NonNull AgreementStatus> status) {
        return Nodes.agreements(lookup.agreements(impact(impact), ScenarioRule.statuses(status)));
    }

    @Name("commitments")
    @Requires(fields = @FieldSet("memberCode mineralIds producerCodes"))
    @Description("""
            Commitments of this member's relevant agreements (see agreements, same status filter) whose obligor is \
            the member or one of producerCodes, and whose mineral is related to mineralIds or absent (then it covers \
            the whole agreement).""")
    @Nullable
    public List<@NonNull CommitmentNode> scenarioCommitments(@Source ScenarioImpactNode impact,
            @DefaultValue("[\"SIGNED\", \"IN_FORCE\"]") List<@NonNull AgreementStatus> status) {
        return Nodes.commitments(lookup.commitments(impact(impact), ScenarioRule.statuses(status)));
    }

    /**
     * _entities for ScenarioImpact: the representation carries the key and the @requires fields, so the entity is
     * rebuilt from them without a lookup (the values are mineral-service's; this subgraph stores no scenarios).
     * Parameters are named like the representation fields: federation matches them by name. All impacts are
     * announced to the lookup so their agreements load together.
     */
    @Resolver
    public List<ScenarioImpactNode> scenarioImpactEntities(List<String> id, List<String> memberCode,
            List<List<String>> mineralIds, List<List<String>> producerCodes) {
        List<ScenarioImpactNode> nodes = new ArrayList<>(id.size());
        for (int i = 0; i < id.size(); i++) {
            nodes.add(new ScenarioImpactNode(id.get(i), memberCode.get(i), orEmpty(mineralIds.get(i)),
                    orEmpty(producerCodes.get(i))));
        }
        lookup.expect(nodes.stream().map(ScenarioFields::impact).toList());
        return nodes;
    }

    /**
     * _entities for ScenarioImpact when a representation carries only the key: mineral-service spells the member,
     * minerals and producers out in the id ({@code JP|rare_earths|AU,MM,US}) so that any subgraph can resolve it.
     * An id not of that form resolves to null.
     */
    @Resolver
    public List<ScenarioImpactNode> scenarioImpactEntitiesById(List<String> id) {
        List<ScenarioImpactNode> nodes = id.stream().map(ScenarioFields::fromId).toList();
        lookup.expect(nodes.stream().filter(Objects::nonNull).map(ScenarioFields::impact).toList());
        return nodes;
    }

    private static ScenarioImpactNode fromId(String id) {
        String[] parts = id == null ? new String[0] : id.split("\\|", -1);
        if (parts.length != 3 || !MEMBER.matcher(parts[0]).matches() || parts[1].isEmpty()) {
            return null;
        }
        List<String> minerals = List.of(parts[1].split(","));
        List<String> producers = parts[2].isEmpty() ? List.of() : List.of(parts[2].split(","));
        if (!minerals.stream().allMatch(m -> MINERAL.matcher(m).matches())
                || !producers.stream().allMatch(p -> MEMBER.matcher(p).matches())) {
            return null;
        }
        return new ScenarioImpactNode(id, parts[0], minerals, producers);
    }

    private static ScenarioRule.Impact impact(ScenarioImpactNode n) {
        return ScenarioRule.Impact.of(n.memberCode(), n.mineralIds(), n.producerCodes());
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
