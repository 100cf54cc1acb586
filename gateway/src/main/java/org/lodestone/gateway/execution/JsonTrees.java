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

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((k, v) -> copy.put(k, copyValue(v)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return deepCopy((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(copyValue(item)));
            return copy;
        }
        return value;
    }
}
