package org.lodestone.gateway.pipeline;

import java.util.List;
import java.util.Set;

/**
 * A root field the gateway itself declares and serves by asking other root fields, owned by different subgraphs,
 * and merging their answers: {@code alerts} over {@code exportControlAlerts} (mineral) and {@code agreementAlerts}
 * (agreement). Composition cannot produce it, since a subscription field has one owner.
 *
 * <p>The field is declared on each root type (Query, Subscription) where every source field exists; its arguments
 * are the union of the sources' arguments, its type the sources' type with the named type replaced by
 * {@code typeName}. A query asks each source and merges the lists ordered by {@code orderBy}, cut to the limit; a
 * subscription subscribes to each source and interleaves the events.
 *
 * @param filterArgument the list argument whose values are partitioned among the sources: a source none of whose
 *        values is asked is not called, the others are sent only their own values
 * @param orderBy fields compared, in turn, to order the merged list (a value that parses as an ISO-8601 instant is
 *        compared as one)
 * @param limitArgument the argument capping the list's length; the merged list is cut to it, or to
 *        {@code defaultLimit} when the caller gives none (the sources' own default)
 */
public record MergedRootField(String name, String typeName, String description, String filterArgument,
        List<String> orderBy, String limitArgument, int defaultLimit, List<Source> sources) {

    /**
     * @param field the source root field (the same name on Query and Subscription)
     * @param values the values of the filter argument this source produces
     */
    public record Source(String field, Set<String> values) {
    }
}
