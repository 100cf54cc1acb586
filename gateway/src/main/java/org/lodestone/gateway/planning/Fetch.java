package org.lodestone.gateway.planning;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One request to one subgraph.
 *
 * @param graph the {@code join__Graph} value
 * @param subgraph the subgraph's name
 * @param operation the GraphQL document sent
 * @param variables client variables the document uses (forwarded as given)
 * @param rootKeys for root fetches: the response keys this fetch fills at the top level
 * @param jumps for entity fetches: each {@code _entities} call in the document
 */
public record Fetch(int id, String graph, String subgraph, int level, String operation, List<String> variables,
        List<String> rootKeys, List<EntityJump> jumps) {

    /** Aliases the answer of this fetch must be renamed back from ({@code _lodestoneT_code} is {@code code}). */
    public static final String TYPED_ALIAS_PREFIX = "_lodestoneT_";

    /** True when the document aliases a field because sibling type conditions give it different types. */
    public boolean usesTypedAliases() {
        return operation.contains(TYPED_ALIAS_PREFIX);
    }

    public boolean isRoot() {
        return jumps.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Fetch(").append(subgraph).append(", #").append(id).append(") ");
        if (!jumps.isEmpty()) {
            out.append(jumps.stream().map(EntityJump::toString).collect(Collectors.joining(", ", "[", "] ")));
        }
        return out.append(operation).toString();
    }
}
