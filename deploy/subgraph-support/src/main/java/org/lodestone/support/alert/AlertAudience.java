package org.lodestone.support.alert;

import java.util.List;
import java.util.Locale;

/**
 * Who reads alerts, as far as the visibility an alert was written with is concerned: admins read every alert;
 * everyone reads PUBLIC ones; analysts and members of a coalition country COALITION ones; a member reads the alerts
 * whose parties include their country.
 *
 * @param memberCountry the caller's country when the caller is a member with one, else null
 */
public record AlertAudience(boolean admin, boolean analyst, String memberCountry, boolean coalitionMember) {

    /** The countries to filter on: those asked (normalised), or a member's own country when none are named. */
    public List<String> countries(List<String> asked) {
        if (asked != null && !asked.isEmpty()) {
            return asked.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).distinct().toList();
        }
        return memberCountry != null ? List.of(memberCountry) : List.of();
    }
}
