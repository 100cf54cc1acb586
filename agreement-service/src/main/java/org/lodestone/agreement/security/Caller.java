package org.lodestone.agreement.security;

import java.util.Set;

/** The authenticated caller as this service sees it: token subject, realm roles and the member's country. */
public record Caller(String subject, String username, String country, Set<String> roles) {

    public static final String MEMBER = "member";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    public static final Caller SEED = new Caller("seed", "seed", null, Set.of());

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean isAnalyst() {
        return roles.contains(ANALYST);
    }

    /** A member with a country claim; a member token without one speaks for no country. */
    public boolean isMemberOf(String code) {
        return roles.contains(MEMBER) && country != null && country.equals(code);
    }

    public boolean isCountryMember() {
        return roles.contains(MEMBER) && country != null;
    }
}
