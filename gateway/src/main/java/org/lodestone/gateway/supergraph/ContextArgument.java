package org.lodestone.gateway.supergraph;

/**
 * One field argument a subgraph takes from an ancestor ({@code @fromContext}), as the supergraph records it in
 * {@code @join__field(contextArguments: [...])}.
 *
 * @param name the argument's name in the subgraph
 * @param type the argument's type in the subgraph ({@code String}), declared for the variable that carries it
 * @param context the context name, as types declare it with {@code @context(name:)} in the supergraph
 * @param selection what is read on the ancestor, as a selection set's content: a field, possibly with a sub-selection
 *        ({@code me { locale }}), or the same field under type conditions ({@code ... on A { prop } ... on B { prop }})
 */
public record ContextArgument(String name, String type, String context, String selection) {
}
