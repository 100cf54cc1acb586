package org.lodestone.gateway.supergraph;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.lodestone.graphql.InputValueText;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

/**
 * Scalars of the API schema as the gateway checks them before planning: Int, Float and ID, and the subgraphs'
 * Date, DateTime, BigDecimal and BigInteger. A value that does not fit is refused with a message that names the
 * value as the client wrote it and the form expected ({@code "2025-02-30" is not a date (YYYY-MM-DD)}), never an
 * internal representation. The gateway forwards the client's values unchanged; these scalars only decide whether
 * they are acceptable.
 */
public final class InputScalars {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private InputScalars() {
    }

    /** The scalars by name; the API schema uses them in place of its own or graphql-java's. */
    public static Map<String, GraphQLScalarType> byName() {
        // String and Boolean stay graphql-java's own: its introspection types are built on them. The gateway words
        // their refusals itself, and checks text for control characters before validation.
        return Map.of(
                "Int", scalar("Int", "Built-in Int", InputScalars::integer),
                "Float", scalar("Float", "Built-in Float", InputScalars::number),
                "ID", scalar("ID", "Built-in ID", InputScalars::id),
                "Date", scalar("Date", "A calendar date, YYYY-MM-DD", InputScalars::date),
                "DateTime", scalar("DateTime", "A date and time, ISO-8601", InputScalars::dateTime),
                "BigDecimal", scalar("BigDecimal", "A decimal number", InputScalars::bigDecimal),
                "BigInteger", scalar("BigInteger", "An integer of any size", InputScalars::bigInteger));
    }

    /** Why a value was refused. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private static GraphQLScalarType scalar(String name, String description, Function<Object, Object> check) {
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object result, GraphQLContext context, Locale locale) {
                return result;
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                try {
                    return check.apply(input);
                } catch (Refused e) {
                    throw new CoercingParseValueException(e.getMessage());
                }
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                    Locale locale) {
                try {
                    return check.apply(literal(input));
                } catch (Refused e) {
                    throw new CoercingParseLiteralException(e.getMessage());
                }
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof Boolean b) {
                    return BooleanValue.of(b);
                }
                if (input instanceof Integer || input instanceof Long || input instanceof BigInteger) {
                    return IntValue.of(new BigInteger(input.toString()).intValue());
                }
                if (input instanceof Number n) {
                    return FloatValue.of(n.doubleValue());
                }
                return StringValue.of(String.valueOf(input));
            }
        }).build();
    }

    /** A literal as the JSON-like value a variable would carry, so both paths share one check. */
    private static Object literal(Value<?> value) {
        if (value instanceof StringValue s) {
            return s.getValue();
        }
        if (value instanceof IntValue i) {
            return i.getValue();
        }
        if (value instanceof FloatValue f) {
            return f.getValue();
        }
        if (value instanceof BooleanValue b) {
            return b.isValue();
        }
        if (value instanceof EnumValue e) {
            return new EnumName(e.getName());
        }
        if (value instanceof ArrayValue) {
            return List.of();
        }
        if (value instanceof ObjectValue) {
            return Map.of();
        }
        if (value instanceof NullValue) {
            return null;
        }
        return value;
    }

    /** An enum literal where a scalar was expected (written without quotes). */
    private record EnumName(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Object integer(Object input) {
        BigDecimal value = decimal(input);
        if (value == null || value.stripTrailingZeros().scale() > 0) {
            throw new Refused(describe(input) + " is not an integer");
        }
        if (value.compareTo(INT_MIN) < 0 || value.compareTo(INT_MAX) > 0) {
            throw new Refused(describe(input) + " is outside the Int range (" + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE + ")");
        }
        return value.intValueExact();
    }

    private static Object number(Object input) {
        BigDecimal value = decimal(input);
        if (value == null || Double.isInfinite(value.doubleValue())) {
            throw new Refused(describe(input) + " is not a number");
        }
        return value.doubleValue();
    }

    private static Object bigDecimal(Object input) {
        BigDecimal value = input instanceof String s ? parseDecimal(s) : decimal(input);
        if (value == null) {
            throw new Refused(describe(input) + " is not a decimal number");
        }
        return value;
    }

    private static Object bigInteger(Object input) {
        BigDecimal value = input instanceof String s ? parseDecimal(s) : decimal(input);
        if (value == null || value.stripTrailingZeros().scale() > 0) {
            throw new Refused(describe(input) + " is not an integer");
        }
        return value.toBigIntegerExact();
    }

    private static Object id(Object input) {
        if (input instanceof String s) {
            return s;
        }
        BigDecimal value = decimal(input);
        if (value != null && value.stripTrailingZeros().scale() <= 0) {
            return value.toBigIntegerExact().toString();
        }
        throw new Refused(describe(input) + " is not an identifier (a text or an integer)");
    }

    private static Object date(Object input) {
        if (input instanceof String s && DATE.matcher(s).matches()) {
            try {
                LocalDate.parse(s, STRICT_DATE);
                return s;
            } catch (DateTimeParseException e) {
                // not a day of the calendar, such as 2025-02-30: refused below
            }
        }
        throw new Refused(describe(input) + " is not a date (YYYY-MM-DD)");
    }

    private static Object dateTime(Object input) {
        if (input instanceof String s && s.length() <= 64) {
            try {
                DateTimeFormatter.ISO_DATE_TIME.parse(s);
                return s;
            } catch (DateTimeParseException e) {
                // refused below
            }
        }
        throw new Refused(describe(input) + " is not a date and time (ISO-8601, such as 2026-01-31T09:30:00Z)");
    }

    /** A number given as a JSON number or a numeric literal; null for anything else. */
    private static BigDecimal decimal(Object input) {
        if (input instanceof BigDecimal d) {
            return d;
        }
        if (input instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (input instanceof Integer || input instanceof Long || input instanceof Short || input instanceof Byte) {
            return BigDecimal.valueOf(((Number) input).longValue());
        }
        if (input instanceof Double || input instanceof Float) {
            double d = ((Number) input).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return null;
    }

    private static BigDecimal parseDecimal(String s) {
        if (s.length() > 100) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The value as the client wrote it: text quoted (control characters escaped), lists and objects named. */
    public static String describe(Object input) {
        if (input == null) {
            return "null";
        }
        if (input instanceof String s) {
            return InputValueText.quoted(s);
        }
        if (input instanceof List<?>) {
            return "a list";
        }
        if (input instanceof Map<?, ?>) {
            return "an object";
        }
        if (input instanceof Number || input instanceof Boolean || input instanceof EnumName) {
            String text = input.toString();
            return text.length() > InputValueText.SHOWN ? text.substring(0, InputValueText.SHOWN) + "..." : text;
        }
        return "this value";
    }
}
