package org.lodestone.gateway.planning;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.lodestone.gateway.supergraph.FieldSet;

/**
 * One {@code _entities} call inside an entity fetch: every object of {@code typeName} found at
 * any of {@code paths} in the response so far becomes a representation ({@code __typename} + key fields +
 * {@code @requires} fields); equal representations are sent once.
 *
 * @param alias response key of the {@code _entities} field in the fetch document
 * @param variable the representations variable name
 * @param paths each a list of response keys from the root, {@code @} for each list level
 * @param key the key part of the representation (objects with a null key value are not sent)
 * @param representationKeys top-level representation fields read under an internal alias, because the
 *        client used their name as a response key for another field (field name to response key)
 * @param fieldKeys response keys this call fills on each object
 * @param contexts {@code @fromContext} arguments the call passes, read per object from an ancestor: objects with
 *        different values are sent in separate requests
 */
public record EntityJump(String alias, String variable, String typeName, List<List<String>> paths, FieldSet representation,
        FieldSet key, Map<String, String> representationKeys, List<String> fieldKeys, List<ContextValue> contexts) {

    @Override
    public String toString() {
        String contextText = contexts.isEmpty() ? "" : contexts.stream().map(ContextValue::toString)
                .collect(Collectors.joining(", ", " with ", ""));
        return typeName + " @ " + paths.stream().map(p -> p.isEmpty() ? "<root>" : String.join(".", p))
                .collect(Collectors.joining(" + ")) + " {__typename " + representation + "}" + contextText;
    }
}
