package org.lodestone.graphql;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * graphql-java's message for an argument literal it refused ("argument 'input.year' with value 'FloatValue{value=3.5}'
 * is not a valid 'Int' - ..."), read apart and said again in plain words.
 */
public final class ArgumentRefusal {

    /** How to say that a value is not of a named type that is not an enum. */
    @FunctionalInterface
    public interface WrongType {
        /** value as the client wrote it, the type's name, graphql-java's own detail (null when none) */
        String say(String value, String type, String detail);
    }

    private static final Pattern ARGUMENT = Pattern.compile("^(?:Validation error \\([^)]*\\) : )?argument '(?<path>[^']+)'"
            + " with value '(?<value>.*)' (?:is not a valid '(?<type>[^']+)'(?: - (?<detail>.*))?|(?<null>must not be "
            + "null)|(?<object>must be an object type)|is missing required fields '\\[?(?<missing>[^']*?)\\]?'|contains a"
            + " field not in '(?<input>[^']+)': '(?<extra>[^']*)')$", Pattern.DOTALL);

    private final Matcher m;

    private ArgumentRefusal(Matcher m) {
        this.m = m;
    }

    /** The refusal in this message; null when the message is about something else. */
    public static ArgumentRefusal parse(String message) {
        Matcher m = ARGUMENT.matcher(message == null ? "" : message);
        return m.matches() ? new ArgumentRefusal(m) : null;
    }

    /** Where the refused value is: the argument, then field names and list indexes, dot-separated. */
    public String path() {
        return m.group("path");
    }

    /** The type the value should have had; null when the refusal is not about the value's type. */
    public String type() {
        return m.group("type");
    }

    /**
     * What is wrong, in plain words. {@code enumValues}: the values of {@link #type()} when it is an enum, else null;
     * {@code wrongType} words a value of any other type.
     */
    public String detail(List<String> enumValues, WrongType wrongType) {
        String value = InputValueText.fromLiteral(m.group("value"));
        if (m.group("null") != null) {
            return "a value is required";
        }
        if (m.group("object") != null) {
            return value + " is not an object";
        }
        if (m.group("input") != null) {
            return m.group("input") + " has no field " + m.group("extra");
        }
        if (type() == null) {
            return "required fields missing: " + m.group("missing");
        }
        if (enumValues != null) {
            return value + " is not one of " + String.join(", ", enumValues);
        }
        return wrongType.say(value, type(), m.group("detail"));
    }
}
