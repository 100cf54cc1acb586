package org.lodestone.gateway.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merging of JSON trees (maps, lists, scalars) as subgraph answers arrive.
 *
 * <p>A plan run builds its response tree from subgraph answers that other runs may hold too (identical requests in
 * flight together share one answer): those answers are read-only. The run's own objects are {@link OwnedMap}s and
 * {@link OwnedList}s; {@link #mergeShared} and {@link #ownValue}/{@link #ownItem} copy a read-only object (one level,
 * in place in its owned parent) the first time the run has to change it, so an answer is never copied whole and
 * never modified.
 */
final class JsonTrees {

    private JsonTrees() {
    }

    /** An object of one plan run's response tree: that run alone holds it and may change it. */
    static final class OwnedMap extends LinkedHashMap<String, Object> {
        OwnedMap() {
        }

        OwnedMap(Map<String, Object> source) {
            super(Math.max(4, (int) (source.size() / 0.75f) + 1));
            putAll(source);
        }
    }

    /** A list of one plan run's response tree: that run alone holds it and may change it. */
    static final class OwnedList extends ArrayList<Object> {
        OwnedList(List<?> source) {
            super(source);
        }
    }

    /**
     * The value under {@code key} of {@code parent} (owned), made owned first when it is a map or list that is not:
     * a copy of it (its values shared) replaces it in {@code parent}.
     */
    static Object ownValue(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        Object owned = owned(value);
        if (owned != value) {
            parent.put(key, owned);
        }
        return owned;
    }

    /** As {@link #ownValue}, for item {@code index} of {@code list} (owned). */
    static Object ownItem(List<Object> list, int index) {
        Object value = list.get(index);
        Object owned = owned(value);
        if (owned != value) {
            list.set(index, owned);
        }
        return owned;
    }

    @SuppressWarnings("unchecked")
    private static Object owned(Object value) {
        if (value instanceof Map<?, ?> map && !(value instanceof OwnedMap)) {
            return new OwnedMap((Map<String, Object>) map);
        }
        if (value instanceof List<?> list && !(value instanceof OwnedList)) {
            return new OwnedList(list);
        }
        return value;
    }

    /**
     * As {@link #deepMerge}, into {@code target} (owned) from {@code source}, which is never modified: its maps and
     * lists go into the target as they are (read-only there, copied when a later merge or {@link #ownValue} has to
     * change them), and an object of the target that the merge changes is made owned first. {@code skippedKey}
     * (null for none) is left out of {@code source}'s top level.
     */
    @SuppressWarnings("unchecked")
    static void mergeShared(Map<String, Object> target, Map<String, Object> source, String skippedKey) {
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            String key = entry.getKey();
            if (key.equals(skippedKey)) {
                continue;
            }
            Object existing = target.get(key);
            Object incoming = entry.getValue();
            if (existing instanceof Map<?, ?> && incoming instanceof Map<?, ?> incomingMap) {
                mergeShared((Map<String, Object>) ownValue(target, key), (Map<String, Object>) incomingMap, null);
            } else if (existing instanceof List<?> existingList && incoming instanceof List<?> incomingList
                    && existingList.size() == incomingList.size()) {
                List<Object> merged = (List<Object>) ownValue(target, key);
                for (int i = 0; i < merged.size(); i++) {
                    if (merged.get(i) instanceof Map<?, ?> && incomingList.get(i) instanceof Map<?, ?> b) {
                        mergeShared((Map<String, Object>) ownItem(merged, i), (Map<String, Object>) b, null);
                    } else {
                        merged.set(i, incomingList.get(i));
                    }
                }
            } else if (incoming != null || !target.containsKey(key) || existing == null) {
                target.put(key, incoming);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static void deepMerge(Map<String, Object> target, Map<String, Object> source) {
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            Object existing = target.get(entry.getKey());
            Object incoming = entry.getValue();
            if (existing instanceof Map<?, ?> existingMap && incoming instanceof Map<?, ?> incomingMap) {
                deepMerge((Map<String, Object>) existingMap, (Map<String, Object>) incomingMap);
            } else if (existing instanceof List<?> existingList && incoming instanceof List<?> incomingList
                    && existingList.size() == incomingList.size()) {
                List<Object> merged = (List<Object>) existingList;
                for (int i = 0; i < merged.size(); i++) {
                    if (merged.get(i) instanceof Map<?, ?> a && incomingList.get(i) instanceof Map<?, ?> b) {
                        deepMerge((Map<String, Object>) a, (Map<String, Object>) b);
                    } else {
                        merged.set(i, incomingList.get(i));
                    }
                }
            } else if (incoming != null || !target.containsKey(entry.getKey()) || existing == null) {
                target.put(entry.getKey(), incoming);
            }
        }
    }

    /** A copy of {@code source} in which every key {@code <prefix>name}, at any depth, is {@code name}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> renamePrefixed(Map<String, Object> source, String prefix) {
        Map<String, Object> renamed = new LinkedHashMap<>();
        source.forEach((key, value) -> renamed.put(key.startsWith(prefix) ? key.substring(prefix.length()) : key,
                renamePrefixedValue(value, prefix)));
        return renamed;
    }

    @SuppressWarnings("unchecked")
    private static Object renamePrefixedValue(Object value, String prefix) {
        if (value instanceof Map<?, ?> map) {
            return renamePrefixed((Map<String, Object>) map, prefix);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            // Strings in lists: the response keys of an error's path.
            list.forEach(item -> copy.add(item instanceof String key && key.startsWith(prefix)
                    ? key.substring(prefix.length()) : renamePrefixedValue(item, prefix)));
            return copy;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> source) {
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, (int) (source.size() / 0.75f) + 1));
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            copy.put(entry.getKey(), copyValue(entry.getValue()));
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return deepCopy((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0, n = list.size(); i < n; i++) {
                copy.add(copyValue(list.get(i)));
            }
            return copy;
        }
        return value;
    }
}
