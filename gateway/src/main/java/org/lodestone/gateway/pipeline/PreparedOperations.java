package org.lodestone.gateway.pipeline;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lodestone.gateway.planning.NormalizedOperation;

/**
 * The part of a request's preparation that depends only on what the request says and who sends it: the normalized
 * operation (after {@code @skip}/{@code @include}, access rules and merged root fields) of a request whose
 * document, operation name, variables, transport and caller roles were seen before, so a repeated request skips
 * operation selection, variable coercion, normalization and the access rules. Only requests that passed every check
 * are kept. A bounded LRU; requests with many or large variables are not kept (the key holds them).
 */
final class PreparedOperations {

    /** Larger variable sets are prepared every time rather than held in memory. */
    static final int MAX_VARIABLES = 16;
    static final int MAX_STRING_VARIABLE = 256;

    record Key(String query, String operationName, Map<String, Object> variables, boolean incremental,
            boolean streaming, boolean readOnly, boolean authenticated, Set<String> roles) {
    }

    /** @param planned what goes to the planner ({@code operation} with merged root fields split per source) */
    record Operation(NormalizedOperation operation, List<MergedRootFields.Merge> merges, NormalizedOperation planned) {
    }

    private final Map<Key, Operation> operations;

    PreparedOperations(int maxSize) {
        this.operations = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Operation> eldest) {
                return size() > maxSize;
            }
        };
    }

    /** The key of this request, or null when it is not to be kept (no query, many or large variables). */
    static Key key(GraphQLRequest request, RequestContext context, boolean incremental, boolean streaming) {
        if (request.query() == null) {
            return null;
        }
        Map<String, Object> variables = request.variables();
        if (variables != null && !variables.isEmpty()) {
            if (variables.size() > MAX_VARIABLES) {
                return null;
            }
            for (Object value : variables.values()) {
                boolean small = value == null || value instanceof Number || value instanceof Boolean
                        || value instanceof String text && text.length() <= MAX_STRING_VARIABLE;
                if (!small) {
                    return null;
                }
            }
        }
        // A copy: the key outlives the request (variable values may be null, hence no Map.copyOf).
        return new Key(request.query(), request.operationName(), variables == null || variables.isEmpty() ? Map.of()
                : new HashMap<>(variables), incremental, streaming, context.readOnly(), context.authenticated(),
                context.roles() == null ? Set.of() : context.roles());
    }

    Operation get(Key key) {
        synchronized (operations) {
            return operations.get(key);
        }
    }

    void put(Key key, Operation operation) {
        synchronized (operations) {
            operations.put(key, operation);
        }
    }
}
