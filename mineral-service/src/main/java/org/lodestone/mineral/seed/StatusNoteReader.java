package org.lodestone.mineral.seed;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads end dates and suspension links that a control's {@code status_note} states explicitly.
 * Only these phrasings are understood; anything else leaves the end date empty rather than guessing.
 * <ul>
 * <li>"ended (... 2010-11-20)" - the control ended on that day;</li>
 * <li>"suspension valid to 2026-11-10" - a suspension row's own end;</li>
 * <li>"replaced by ... Oct 2025" - the control ended in that month;</li>
 * <li>"(see EC-...)" / "(EC-...)" - the named row suspends this control.</li>
 * </ul>
 */
final class StatusNoteReader {

    private static final Pattern ENDED = Pattern.compile("^ended \\([^)]*?(\\d{4}-\\d{2}-\\d{2})\\)");
    private static final Pattern VALID_TO = Pattern.compile("valid to (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern REPLACED = Pattern.compile("replaced by .*?\\b([A-Z][a-z]{2}) (\\d{4})");
    private static final Pattern REFERENCE = Pattern.compile("\\((?:see )?(EC-[A-Z0-9-]+)\\)");

    private StatusNoteReader() {
    }

    static Optional<String> endDate(String note) {
        if (note == null) {
            return Optional.empty();
        }
        Matcher m = ENDED.matcher(note);
        if (m.find()) {
            return Optional.of(m.group(1));
        }
        m = VALID_TO.matcher(note);
        if (m.find()) {
            return Optional.of(m.group(1));
        }
        m = REPLACED.matcher(note);
        if (m.find()) {
            for (Month month : Month.values()) {
                if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equals(m.group(1))) {
                    return Optional.of(String.format(Locale.ROOT, "%s-%02d", m.group(2), month.getValue()));
                }
            }
        }
        return Optional.empty();
    }

    /** The id of another control this note points to, e.g. the suspension that applies to it. */
    static Optional<String> referencedControl(String note) {
        if (note == null) {
            return Optional.empty();
        }
        Matcher m = REFERENCE.matcher(note);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
