package org.lodestone.gateway.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

import org.lodestone.gateway.planning.NormalizedOperation;
import org.lodestone.gateway.planning.Selection;
import org.lodestone.gateway.planning.Selection.FieldSelection;
import org.lodestone.gateway.planning.Selection.FragmentSelection;

/**
 * The later parts of an incremental response ({@code @defer}, as the 2022-08-24 incremental delivery proposal that
 * Apollo Router and Hive Gateway serve): for each deferred fragment, one entry per object it applies to,
 * {@code {data, path, label?, errors?}}, shaped from the merged subgraph answers once the fragment's own fetches
 * have run. Objects the client has not received (null, or in a list that came back empty) get no entry.
 */
public final class IncrementalDelivery {

    /** A deferred fragment, on the objects reached through {@code fieldPath} (response keys) of static type {@code parentType}. */
    private record DeferredFragment(FragmentSelection fragment, List<String> fieldPath, String parentType) {
    }

    private record Target(Map<String, Object> object, List<Object> path) {
    }

    private final GraphQLSchema schema;
    private final Function<String, Set<String>> possibleTypes;
    private final Map<Integer, DeferredFragment> fragments = new LinkedHashMap<>();
    /** What the client has received so far: the initial data with each delivered part merged in. */
    private Map<String, Object> delivered = new LinkedHashMap<>();

    private IncrementalDelivery(GraphQLSchema schema, Function<String, Set<String>> possibleTypes) {
        this.schema = schema;
        this.possibleTypes = possibleTypes;
    }

    public static IncrementalDelivery of(GraphQLSchema schema, Function<String, Set<String>> possibleTypes,
            NormalizedOperation operation) {
        IncrementalDelivery delivery = new IncrementalDelivery(schema, possibleTypes);
        delivery.collect(operation.selections(), operation.rootTypeName(), List.of());
        return delivery;
    }

    /** Deferred fragment ids in document order (outer fragments before the ones nested in them). */
    public List<Integer> deferredIds() {
        return List.copyOf(fragments.keySet());
    }

    /** Records the initial data as delivered (copied: the caller may still serialize it). */
    public void initialDelivered(Map<String, Object> data) {
        delivered = data == null ? new LinkedHashMap<>() : JsonTrees.deepCopy(data);
    }

    /**
     * The payload for deferred fragment {@code id}, from the merged answers {@code raw} after its fetches ran.
     *
     * @param stepErrors errors the fragment's own fetches produced
     */
    public Map<String, Object> payload(int id, Map<String, Object> raw, List<Map<String, Object>> stepErrors,
            boolean hasNext) {
        DeferredFragment deferred = fragments.get(id);
        List<Target> targets = new ArrayList<>();
        descend(delivered, deferred.fieldPath(), 0, new ArrayList<>(), targets);
        List<Map<String, Object>> items = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>(stepErrors);
        for (Target target : targets) {
            if (!(at(raw, target.path()) instanceof Map<?, ?> rawObject)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) rawObject;
            String concrete = schema.getType(deferred.parentType()) instanceof GraphQLObjectType ? deferred.parentType()
                    : source.get("__typename") instanceof String typename ? typename : null;
            if (concrete == null || schema.getObjectType(concrete) == null || !applies(deferred.fragment(), concrete)) {
                continue;
            }
            ResponseShaper.Shaped shaped = ResponseShaper.shapeObject(schema, possibleTypes, concrete,
                    deferred.fragment().selections(), source, target.path(), errors);
            errors = new ArrayList<>(shaped.errors());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("data", shaped.data());
            item.put("path", target.path());
            if (deferred.fragment().defer().label() != null) {
                item.put("label", deferred.fragment().defer().label());
            }
            items.add(item);
            if (shaped.data() != null) {
                JsonTrees.deepMerge(target.object(), JsonTrees.deepCopy(shaped.data()));
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        List<Map<String, Object>> unplaced = placeErrors(items, errors);
        if (!items.isEmpty()) {
            payload.put("incremental", items);
        }
        if (!unplaced.isEmpty()) {
            payload.put("errors", unplaced);
        }
        payload.put("hasNext", hasNext);
        return payload;
    }

    private boolean applies(FragmentSelection fragment, String concrete) {
        String condition = fragment.typeCondition();
        return condition == null || condition.equals(concrete) || possibleTypes.apply(condition).contains(concrete);
    }

    /** Each error goes to the entry whose path is the longest prefix of the error's path; the rest are returned. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> placeErrors(List<Map<String, Object>> items,
            List<Map<String, Object>> errors) {
        List<Map<String, Object>> unplaced = new ArrayList<>();
        for (Map<String, Object> error : errors) {
            List<?> errorPath = error.get("path") instanceof List<?> p ? p : List.of();
            Map<String, Object> best = null;
            int bestLength = -1;
            for (Map<String, Object> item : items) {
                List<Object> itemPath = (List<Object>) item.get("path");
                if (itemPath.size() > bestLength && isPrefix(itemPath, errorPath)) {
                    best = item;
                    bestLength = itemPath.size();
                }
            }
            if (best == null && !items.isEmpty()) {
                best = items.get(0);
            }
            if (best == null) {
                unplaced.add(error);
            } else {
                ((List<Map<String, Object>>) best.computeIfAbsent("errors", k -> new ArrayList<>())).add(error);
            }
        }
        return unplaced;
    }

    private static boolean isPrefix(List<?> prefix, List<?> path) {
        if (prefix.size() > path.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!String.valueOf(prefix.get(i)).equals(String.valueOf(path.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private void collect(List<Selection> selections, String typeName, List<String> fieldPath) {
        for (Selection selection : selections) {
            if (selection instanceof FieldSelection field && !field.selections().isEmpty()) {
                if (!(schema.getType(typeName) instanceof GraphQLFieldsContainer container)) {
                    continue;
                }
                GraphQLFieldDefinition definition = container.getFieldDefinition(field.name());
                if (definition == null) {
                    continue;
                }
                List<String> childPath = new ArrayList<>(fieldPath);
                childPath.add(field.responseKey());
                collect(field.selections(), GraphQLTypeUtil.unwrapAll(definition.getType()).getName(),
                        List.copyOf(childPath));
            } else if (selection instanceof FragmentSelection fragment) {
                if (fragment.deferred()) {
                    fragments.put(fragment.defer().id(), new DeferredFragment(fragment, fieldPath, typeName));
                }
                collect(fragment.selections(), fragment.typeCondition() == null ? typeName : fragment.typeCondition(),
                        fieldPath);
            }
        }
    }

    /** The objects at {@code fieldPath} in the delivered tree, lists expanded, with their concrete paths. */
    @SuppressWarnings("unchecked")
    private static void descend(Object value, List<String> fieldPath, int position, List<Object> path,
            List<Target> found) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                path.add(i);
                descend(list.get(i), fieldPath, position, path, found);
                path.remove(path.size() - 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            if (position == fieldPath.size()) {
                found.add(new Target((Map<String, Object>) map, List.copyOf(path)));
                return;
            }
            path.add(fieldPath.get(position));
            descend(map.get(fieldPath.get(position)), fieldPath, position + 1, path, found);
            path.remove(path.size() - 1);
        }
    }

    private static Object at(Object value, List<Object> path) {
        Object current = value;
        for (Object step : path) {
            if (step instanceof Integer index && current instanceof List<?> list && index < list.size()) {
                current = list.get(index);
            } else if (step instanceof String key && current instanceof Map<?, ?> map) {
                current = map.get(key);
            } else {
                return null;
            }
        }
        return current;
    }
}
