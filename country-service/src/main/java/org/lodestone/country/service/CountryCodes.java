package org.lodestone.country.service;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Which country codes exist in the world, and which may appear as keys here. */
public final class CountryCodes {

    private static final Set<String> ASSIGNABLE = Stream.concat(
            Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream(), Stream.of("EU"))
            .collect(Collectors.toUnmodifiableSet());

    /** Data rows also use the aggregates ROW (rest of world) and WORLD, which nobody may record facts for. */
    private static final Pattern KEY = Pattern.compile("[A-Z]{2}|ROW|WORLD");

    private CountryCodes() {
    }

    /** ISO 3166-1 alpha-2 or EU: the codes new facts may be recorded for. */
    public static boolean isAssignable(String code) {
        return code != null && ASSIGNABLE.contains(code);
    }

    /** Shaped like a key of this service (it may still be absent). */
    public static boolean isWellFormedKey(String code) {
        return code != null && KEY.matcher(code).matches();
    }
}
