package org.lodestone.agreement;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A closed list of terms for a free-looking text field. Input matches a term regardless of case and surrounding
 * blanks, and is stored in the term's listed spelling.
 */
public record ClosedVocabulary(List<String> terms) {

    /** The terms from a comma-separated list (the same text the API descriptions quote). */
    public static ClosedVocabulary of(String commaSeparated) {
        return new ClosedVocabulary(Arrays.stream(commaSeparated.split(",")).map(String::trim).toList());
    }

    /** The listed spelling of the value, or null when the value is not one of the terms. */
    public String canonical(String value) {
        if (value == null) {
            return null;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return terms.stream().filter(t -> t.toLowerCase(Locale.ROOT).equals(wanted)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return String.join(", ", terms);
    }
}
