package org.lodestone.gateway.telemetry;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Operation names as metric tag values with bounded cardinality: clients choose names freely, so only the first
 * {@code limit} distinct names of valid operations get their own series; later ones share {@value #OTHER},
 * anonymous operations {@value #ANONYMOUS}, and requests rejected before planning {@value #REJECTED}.
 */
public final class OperationNames {

    public static final String ANONYMOUS = "(anonymous)";
    public static final String OTHER = "(other)";
    public static final String REJECTED = "(rejected)";
    private static final Pattern GRAPHQL_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");

    private final int limit;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public OperationNames(int limit) {
        this.limit = limit;
    }

    /** The tag value for a planned operation's name (null when anonymous). */
    public String tagFor(String name) {
        if (name == null || name.isEmpty()) {
            return ANONYMOUS;
        }
        if (!GRAPHQL_NAME.matcher(name).matches()) {
            return OTHER;
        }
        if (known.contains(name)) {
            return name;
        }
        synchronized (known) {
            if (known.size() < limit) {
                known.add(name);
                return name;
            }
        }
        return OTHER;
    }
}
