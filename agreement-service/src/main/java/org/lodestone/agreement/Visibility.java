package org.lodestone.agreement;

/** Who may see an agreement and its commitments; enforced by {@code org.lodestone.agreement.security.VisibilityPolicy}. */
public enum Visibility {
    /** Any authenticated caller. */
    PUBLIC,
    /** Members from coalition countries (or from a party country), analysts and admins. */
    COALITION,
    /** Members from a party country, and admins. */
    PARTIES
}
