package org.lodestone.gateway.planning;

import java.util.List;
import java.util.Set;

/**
 * Where the gateway reads the value of one {@code @fromContext} argument for each object of an {@code _entities}
 * call: on the nearest ancestor carrying the context, which the plan asked for the context's selection under an
 * alias of its own.
 *
 * @param variable the variable of the fetch document that carries the value
 * @param type the variable's type ({@code String})
 * @param ancestorPath the ancestor's path (response keys, {@code @} per list level), a prefix of the call's path
 * @param ancestorTypes the concrete types that carry the context; an ancestor of another type gives null
 * @param valuePath response keys from the ancestor to the value
 */
public record ContextValue(String variable, String type, List<String> ancestorPath, Set<String> ancestorTypes,
        List<String> valuePath) {

    @Override
    public String toString() {
        return "$" + variable + " = " + (ancestorPath.isEmpty() ? "<root>" : String.join(".", ancestorPath)) + "."
                + String.join(".", valuePath);
    }
}
