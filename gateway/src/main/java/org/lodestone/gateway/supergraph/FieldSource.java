package org.lodestone.gateway.supergraph;

import java.util.List;

/**
 * Where one field comes from: one {@code @join__field}, or the implicit source of a field
 * declared without join__field on a type that the graph defines.
 *
 * @param contextArguments true when some argument is filled from an ancestor through {@code @fromContext}
 * @param subgraphType the named type the graph declares for the field when it differs from the supergraph's (a
 *        narrower type, from {@code @join__field(type:)}), else null
 * @param overrideLabel the label of a progressive {@code @override} (on both the overriding and the overridden
 *        source), else null
 * @param declaredType the field's whole type in the graph ({@code String!}) from {@code @join__field(type:)}, else null
 * @param contexts the arguments filled from an ancestor ({@code @fromContext}), in the graph's order
 */
public record FieldSource(String graph, FieldSet requires, FieldSet provides, boolean external,
        String overrideFrom, boolean usedOverridden, boolean contextArguments, String subgraphType,
        String overrideLabel, String declaredType, List<ContextArgument> contexts) {

    public FieldSource(String graph, FieldSet requires, FieldSet provides, boolean external, String overrideFrom,
            boolean usedOverridden, boolean contextArguments) {
        this(graph, requires, provides, external, overrideFrom, usedOverridden, contextArguments, null, null, null,
                List.of());
    }

    /** This source with {@code usedOverridden} set: it no longer resolves the field. */
    FieldSource overridden() {
        return new FieldSource(graph, requires, provides, external, overrideFrom, true, contextArguments,
                subgraphType, overrideLabel, declaredType, contexts);
    }

    /** External and overridden sources cannot resolve the field; the graph only references it. */
    public boolean resolves() {
        return !external && !usedOverridden;
    }
}
