package org.lodestone.gateway.supergraph;

import java.util.Collection;
import java.util.List;

/**
 * {@code @authenticated} and {@code @requiresScopes(scopes: [[...]])} on a field or type.
 * Scopes are alternatives of conjunctions: any inner list fully held grants access.
 */
public record AccessRule(boolean authenticated, List<List<String>> scopes) {

    public static final AccessRule OPEN = new AccessRule(false, List.of());

    public boolean allows(boolean isAuthenticated, Collection<String> granted) {
        if ((authenticated || !scopes.isEmpty()) && !isAuthenticated) {
            return false;
        }
        return scopes.isEmpty() || scopes.stream().anyMatch(granted::containsAll);
    }
}
