package org.lodestone.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.RequestScoped;

/**
 * Resolves a field that takes arguments for all parents of a request at once: one load per distinct (field,
 * arguments) pair, whatever the number of parents.
 * <p>
 * Why not a batched {@code @Source List<Parent>} field: SmallRye GraphQL 2.17 calls a batched field once for all its
 * occurrences with the arguments of the first one, so two aliases of the same field with different arguments (which
 * a federation gateway forwards as the client wrote them) would both get the first alias's answer. Such fields
 * resolve per parent instead and ask this bean. The producers of parents (root list fields, entity resolvers)
 * {@link #announce} them; the first {@link #get} for a (field, arguments) pair loads every announced parent plus the
 * current one, later calls read that result. A parent nobody announced costs one more load, never a wrong answer.
 */
@RequestScoped
public class BatchByArguments {

    private final Map<Class<?>, Set<String>> announced = new HashMap<>();
    private final Map<Call, Loaded<?>> loaded = new HashMap<>();

    /** Announces the keys of parents produced in this request (nulls skipped), so that one load serves them all. */
    public synchronized void announce(Class<?> type, Collection<String> keys) {
        Set<String> known = announced.computeIfAbsent(type, t -> new LinkedHashSet<>());
        keys.stream().filter(Objects::nonNull).forEach(known::add);
    }

    /**
     * The value of {@code field} with {@code arguments} for the parent of {@code type} with {@code key}.
     * {@code load} receives distinct parent keys and answers a value per key; a key it leaves out gets
     * {@code absent}.
     */
    public synchronized <V> V get(Class<?> type, String key, String field, List<?> arguments,
            Function<List<String>, Map<String, V>> load, V absent) {
        @SuppressWarnings("unchecked")
        Loaded<V> result = (Loaded<V>) loaded.computeIfAbsent(new Call(type, field, arguments), c -> new Loaded<>());
        if (!result.keys.contains(key)) {
            Set<String> missing = new LinkedHashSet<>(announced.getOrDefault(type, Set.of()));
            missing.add(key);
            missing.removeAll(result.keys);
            List<String> keys = new ArrayList<>(missing);
            result.values.putAll(load.apply(keys));
            result.keys.addAll(keys);
        }
        return result.values.getOrDefault(key, absent);
    }

    /** Arguments compared by value, nulls included ({@code Arrays.asList}, not {@code List.of}). */
    private record Call(Class<?> type, String field, List<?> arguments) {
    }

    private static final class Loaded<V> {
        final Set<String> keys = new LinkedHashSet<>();
        final Map<String, V> values = new HashMap<>();
    }
}
