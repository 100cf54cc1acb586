package org.lodestone.mineral;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an export control does: the closed vocabulary of {@code ExportControl.measure}, stored and served in lower
 * case as the sources' wording has it. The API keeps the field a string; anything else is refused as bad input.
 */
public enum ControlMeasure {
    /** Exports need a licence the imposing country may refuse. */
    LICENCE,
    /** Exports to the targets are prohibited. */
    BAN,
    /** An informal stoppage without a published rule. */
    HALT,
    /** Relaxes another control (named in {@code suspends}) for a time. */
    SUSPENSION;

    /** The allowed values in alphabetical order, as error messages, descriptions and the OpenAPI schema list them. */
    public static final List<String> CODES = Arrays.stream(values()).map(ControlMeasure::code).sorted().toList();

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The measure a value names, in any case; empty for anything else. */
    public static Optional<ControlMeasure> fromCode(String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(m -> m.code().equals(value.toLowerCase(Locale.ROOT))).findFirst();
    }
}
