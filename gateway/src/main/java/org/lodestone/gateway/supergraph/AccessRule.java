package org.lodestone.gateway.supergraph;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code @authenticated}, {@code @requiresScopes(scopes: [[...]])} and {@code @policy(policies: [[...]])} on a field
 * or type. Scopes and policies are each alternatives of conjunctions: any inner list fully held (scopes) or fully
 * granted (policies) satisfies that directive; a field carrying several directives needs all of them.
 */
public record AccessRule(boolean authenticated, List<List<String>> scopes, List<List<String>> policies) {

    public static final AccessRule OPEN = new AccessRule(false, List.of(), List.of());

    public AccessRule(boolean authenticated, List<List<String>> scopes) {
        this(authenticated, scopes, List.of());
    }

    /**
     * @param granted the caller's scopes (token roles)
     * @param policyGranted whether one named policy is granted to the caller
     */
    public boolean allows(boolean isAuthenticated, Collection<String> granted, Predicate<String> policyGranted) {
        if ((authenticated || !scopes.isEmpty() || !policies.isEmpty()) && !isAuthenticated) {
            return false;
        }
        boolean scopesHeld = scopes.isEmpty() || scopes.stream().anyMatch(granted::containsAll);
        boolean policiesGranted = policies.isEmpty()
                || policies.stream().anyMatch(conjunction -> conjunction.stream().allMatch(policyGranted));
        return scopesHeld && policiesGranted;
    }
}
