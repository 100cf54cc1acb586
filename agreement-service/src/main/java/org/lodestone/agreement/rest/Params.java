package org.lodestone.agreement.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.lodestone.agreement.service.InvalidInputException;

/** Query parameters and headers read leniently as text, then checked here, so bad values give a 400 problem. */
final class Params {

    private Params() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "unsupported value '" + value + "' (one of "
                    + Arrays.toString(type.getEnumConstants()) + ")");
        }
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    static Integer integer(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "'" + value + "' is not an integer");
        }
    }

    /** Accepts ?ids=a,b and ?ids=a&ids=b. */
    static List<String> ids(List<String> values) {
        List<String> ids = new ArrayList<>();
        for (String value : values) {
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        return ids;
    }

    /**
     * The version the client expects: the If-Match header (an ETag such as "3" or W/"3") wins over the body field.
     */
    static int expectedVersion(String ifMatch, Integer bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                return Integer.parseInt(tag);
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("If-Match", "'" + ifMatch + "' is not an agreement version");
            }
        }
        if (bodyVersion == null) {
            throw InvalidInputException.of("expectedVersion", "is required (or send If-Match with the version)");
        }
        return bodyVersion;
    }

    static <T> T body(T body) {
        if (body == null) {
            throw InvalidInputException.of("body", "is required");
        }
        return body;
    }
}
