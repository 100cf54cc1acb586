package org.lodestone.support.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.lodestone.support.problem.InvalidInputException;

/**
 * Query parameters are taken as text and read here, so a bad value is a 400 problem naming the parameter, never a
 * 404 or a 500. Every reader returns null for an absent or blank value.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** Case-insensitive: {@code ?stage=refining} and {@code ?stage=REFINING} are the same. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(name, "unknown value '" + value + "' (expected one of "
                    + Arrays.toString(type.getEnumConstants()) + ")");
        }
    }

    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "not an integer: '" + value + "'");
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "expected YYYY-MM-DD, got '" + value + "'");
        }
    }

    /** {@code ?ids=a,b,c}; null when absent. */
    public static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return split(value).distinct().toList();
    }

    /** Accepts {@code ?ids=a,b} and {@code ?ids=a&ids=b}; empty when absent. */
    public static List<String> list(List<String> values) {
        return values.stream().flatMap(QueryParams::split).toList();
    }

    public static List<Long> longs(String name, String value) {
        List<String> parts = list(value);
        if (parts == null) {
            return null;
        }
        try {
            return parts.stream().map(Long::valueOf).toList();
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "expected comma-separated numeric ids");
        }
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A numeric id in the path; required. */
    public static long id(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "not a numeric id: '" + value + "'");
        }
    }

    /** A JSON body the endpoint cannot do without. */
    public static <T> T requiredBody(T body) {
        if (body == null) {
            throw InvalidInputException.of("body", "is required");
        }
        return body;
    }

    private static Stream<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty());
    }
}
