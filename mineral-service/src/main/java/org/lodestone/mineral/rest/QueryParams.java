package org.lodestone.mineral.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.lodestone.mineral.service.InvalidInputException;

/** Parses query parameters ourselves so a bad value is a 400 naming the parameter, never a 404 or 500. */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
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

    static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "not an integer: '" + value + "'");
        }
    }

    static LocalDate date(String name, String value) {
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
    static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    static List<Long> longs(String name, String value) {
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

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static long id(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "not a numeric id: '" + value + "'");
        }
    }
}
