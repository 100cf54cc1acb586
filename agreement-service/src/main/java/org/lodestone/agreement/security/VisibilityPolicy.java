package org.lodestone.agreement.security;

import java.util.Arrays;
import java.util.Set;

import org.lodestone.agreement.Visibility;
import org.lodestone.agreement.config.AgreementConfig;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place that decides whether a caller may see an agreement (and so its commitments, progress and history):
 * <ul>
 * <li>PUBLIC: any authenticated caller (a valid token, with or without a Lodestone role);</li>
 * <li>COALITION: admins, analysts, and members whose country is a coalition member or a party to the agreement;</li>
 * <li>PARTIES: admins, and members whose country is a party.</li>
 * </ul>
 * Every read path (lists, lookups, federation entities, nested fields) filters through {@link #canSee}; a hidden
 * agreement is then treated exactly like a missing one.
 */
@ApplicationScoped
public class VisibilityPolicy {

    private final Set<String> coalition;

    public VisibilityPolicy(AgreementConfig config) {
        this.coalition = Set.copyOf(config.coalitionMembers());
    }

    public boolean canSee(Caller caller, Visibility visibility, String[] parties) {
        if (caller.isAdmin()) {
            return true;
        }
        boolean party = caller.isCountryMember() && Arrays.asList(parties).contains(caller.country());
        return switch (visibility) {
            case PUBLIC -> true;
            case COALITION -> caller.isAnalyst() || party
                    || (caller.isCountryMember() && coalition.contains(caller.country()));
            case PARTIES -> party;
        };
    }
}
