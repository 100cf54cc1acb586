package org.lodestone.agreement.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Arranges the result of one batched read for the callers that asked for it by key or by id. */
final class Batches {

    private Batches() {
    }

    /** One list per key, in the keys' order; an item goes into the list of every asked-for key it has. */
    static <T> Map<String, List<T>> groupByKeys(Collection<String> keys, List<T> items,
            Function<T, ? extends Collection<String>> keysOf) {
        Map<String, List<T>> result = new LinkedHashMap<>();
        keys.forEach(k -> result.put(k, new ArrayList<>()));
        for (T item : items) {
            for (String key : keysOf.apply(item)) {
                List<T> list = result.get(key);
                if (list != null) {
                    list.add(item);
                }
            }
        }
        return result;
    }

    /** The items in the order of the ids, with null where no item has the id. */
    static <T> List<T> inOrder(List<String> ids, List<T> items, Function<T, String> idOf) {
        Map<String, T> byId = new HashMap<>();
        items.forEach(item -> byId.put(idOf.apply(item), item));
        List<T> ordered = new ArrayList<>(ids.size());
        ids.forEach(id -> ordered.add(byId.get(id)));
        return ordered;
    }
}
