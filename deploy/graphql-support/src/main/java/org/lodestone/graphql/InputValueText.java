package org.lodestone.graphql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a refused input value is shown in an error message: as the client wrote it, short, and without the internals
 * graphql-java prints (its messages carry literals as {@code StringValue{value='x'}}, {@code IntValue{value=3}}).
 */
public final class InputValueText {

    /** At most this many characters of a text are shown. */
    public static final int SHOWN = 60;

    private static final Pattern AST_TEXT = Pattern.compile("^StringValue\\{value='(.*)'\\}$", Pattern.DOTALL);
    private static final Pattern AST_NAMED = Pattern.compile(
            "^(?:EnumValue\\{name|IntValue\\{value|FloatValue\\{value|BooleanValue\\{value)='?(.*?)'?\\}$", Pattern.DOTALL);

    private InputValueText() {
    }

    /** A text in double quotes, its first {@value #SHOWN} characters, quotes, backslashes and control characters escaped. */
    public static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        int shown = Math.min(text.length(), SHOWN);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                quoted.append(String.format("\\u%04X", (int) c));
            } else if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else {
                quoted.append(c);
            }
        }
        return quoted.append(text.length() > shown ? "...\"" : "\"").toString();
    }

    /** A literal as graphql-java prints it in its messages, shown as the client wrote it. */
    public static String fromLiteral(String printed) {
        Matcher text = AST_TEXT.matcher(printed);
        if (text.matches()) {
            return quoted(text.group(1));
        }
        Matcher named = AST_NAMED.matcher(printed);
        if (named.matches()) {
            return named.group(1);
        }
        if (printed.startsWith("ArrayValue")) {
            return "a list";
        }
        if (printed.startsWith("ObjectValue")) {
            return "an object";
        }
        if (printed.startsWith("NullValue")) {
            return "null";
        }
        return "the value";
    }
}
