package org.lodestone.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.lodestone.gateway.planning.Selection;
import org.lodestone.gateway.planning.Selection.FieldSelection;
import org.lodestone.gateway.planning.Selection.FragmentSelection;
import org.lodestone.gateway.supergraph.AccessRule;
import org.lodestone.gateway.supergraph.FieldMeta;
import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.supergraph.TypeMeta;

/**
 * Applies {@code @authenticated}, {@code @requiresScopes} and {@code @policy} from the supergraph to an operation:
 * fields the caller may not see are marked denied (never planned, answered null with FORBIDDEN).
 * A rule on a type guards every field returning that type. Scopes are matched against token roles. A policy is
 * granted to an authenticated caller holding one of the roles the gateway's configuration names for it
 * ({@code lodestone.gateway.policies."<policy>"}); a policy the configuration does not name is granted to nobody.
 */
public final class AccessPolicy {

    private final Supergraph supergraph;
    private final Map<String, Set<String>> policyRoles;

    /** @param policyRoles policy name to the roles that are granted it */
    public AccessPolicy(Supergraph supergraph, Map<String, Set<String>> policyRoles) {
        this.supergraph = supergraph;
        this.policyRoles = Map.copyOf(policyRoles);
    }

    /** @return the selections with denied fields marked, or the same list instance when nothing is denied */
    public List<Selection> apply(String typeName, List<Selection> selections, boolean authenticated,
            Collection<String> roles) {
        TypeMeta type = supergraph.type(typeName);
        Predicate<String> policyGranted = policy -> policyRoles.getOrDefault(policy, Set.of()).stream()
                .anyMatch(roles::contains);
        List<Selection> result = new ArrayList<>(selections.size());
        boolean changed = false;
        for (Selection selection : selections) {
            Selection updated = selection;
            if (selection instanceof FragmentSelection fragment) {
                String condition = fragment.typeCondition() == null ? typeName : fragment.typeCondition();
                List<Selection> inner = apply(condition, fragment.selections(), authenticated, roles);
                if (inner != fragment.selections()) {
                    updated = fragment.withSelections(inner);
                }
            } else if (selection instanceof FieldSelection field && !field.name().startsWith("__") && type != null) {
                FieldMeta meta = type.field(field.name());
                if (meta != null) {
                    TypeMeta returned = supergraph.type(meta.typeName());
                    AccessRule typeRule = returned == null ? AccessRule.OPEN : returned.access();
                    if (!meta.access().allows(authenticated, roles, policyGranted)
                            || !typeRule.allows(authenticated, roles, policyGranted)) {
                        updated = field.deny();
                    } else if (!field.selections().isEmpty()) {
                        List<Selection> inner = apply(meta.typeName(), field.selections(), authenticated, roles);
                        if (inner != field.selections()) {
                            updated = field.withSelections(inner);
                        }
                    }
                }
            }
            changed |= updated != selection;
            result.add(updated);
        }
        return changed ? result : selections;
    }
}
