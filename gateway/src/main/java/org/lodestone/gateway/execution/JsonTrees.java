package org.lodestone.gateway.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merging of JSON trees (maps, lists, scalars) as subgraph answers arrive. */
final class JsonTrees {

    private JsonTrees() {
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
