package org.lodestone.gateway.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One media range of an {@code Accept} header: type and subtype in lower case, parameters by lower-case name (quotes
 * removed), and its quality ({@code q}, 1 when absent). The one reading of the header behind every answer format the
 * gateway chooses (JSON, incremental delivery, Server-Sent Events).
 */
record AcceptedType(String type, String subtype, Map<String, String> parameters, double quality) {

    /** Headers read before: clients send a handful of distinct ones, each read several times per request. */
    private static final Map<String, List<AcceptedType>> READ = new ConcurrentHashMap<>();
    /** Bounds of what is remembered: the header comes from the client. */
    static final int REMEMBERED_HEADERS = 64;
    static final int REMEMBERED_LENGTH = 256;

    /**
     * The ranges the client accepts, in header order; malformed ones and those with quality 0 are left out. The list
     * and the parameter maps cannot be modified.
     */
    static List<AcceptedType> parse(String accept) {
        if (accept == null) {
            return List.of();
        }
        List<AcceptedType> known = READ.get(accept);
        if (known != null) {
            return known;
        }
        List<AcceptedType> accepted = read(accept);
        if (accept.length() <= REMEMBERED_LENGTH && READ.size() < REMEMBERED_HEADERS) {
            READ.putIfAbsent(accept, accepted);
        }
        return accepted;
    }

    private static List<AcceptedType> read(String accept) {
        List<AcceptedType> accepted = new ArrayList<>();
        for (String range : accept.split(",")) {
            String[] pieces = range.split(";");
            String[] name = pieces[0].trim().toLowerCase(Locale.ROOT).split("/", -1);
            if (name.length != 2 || name[0].isEmpty() || name[1].isEmpty()) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 1; i < pieces.length; i++) {
                int equals = pieces[i].indexOf('=');
                if (equals > 0) {
                    String value = pieces[i].substring(equals + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    parameters.put(pieces[i].substring(0, equals).trim().toLowerCase(Locale.ROOT), value);
                }
            }
            double quality = quality(parameters.get("q"));
            if (quality > 0) {
                accepted.add(new AcceptedType(name[0], name[1], Collections.unmodifiableMap(parameters), quality));
            }
        }
        return List.copyOf(accepted);
    }

    boolean is(String type, String subtype) {
        return this.type.equals(type) && this.subtype.equals(subtype);
    }

    private static double quality(String value) {
        if (value == null) {
            return 1;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
