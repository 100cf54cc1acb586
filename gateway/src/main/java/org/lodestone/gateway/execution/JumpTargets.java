package org.lodestone.gateway.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lodestone.gateway.planning.ContextValue;
import org.lodestone.gateway.planning.EntityJump;
import org.lodestone.gateway.supergraph.FieldSet;
import org.lodestone.gateway.supergraph.Supergraph;

/**
 * The objects one {@code _entities} call is for, found in the response so far: each distinct
 * representation once, with every object (and its response path) that representation stands for. The response tree
 * must be the run's own at its root ({@link JsonTrees.OwnedMap}); the objects found, and everything on the way to
 * them, are made its own, so the call's answer can be merged into them.
 */
final class JumpTargets {

    record Target(Map<String, Object> object, List<Object> path) {
    }

    final EntityJump jump;
    final List<Map<String, Object>> representations = new ArrayList<>();
    final List<List<Target>> byRepresentation = new ArrayList<>();

    private JumpTargets(EntityJump jump) {
        this.jump = jump;
    }

    private final Map<Map<String, Object>, Integer> indexByRepresentation = new LinkedHashMap<>();

    static JumpTargets collect(Supergraph supergraph, EntityJump jump, Map<String, Object> data) {
        JumpTargets result = new JumpTargets(jump);
        for (Target target : targets(supergraph, jump, data)) {
            result.add(supergraph, target);
        }
        return result;
    }

    /**
     * For a call passing {@code @fromContext} arguments: the objects grouped by the values their nearest context
     * ancestor gives (variable name to value), one group per distinct set of values, in the order first reached.
     */
    static Map<Map<String, Object>, JumpTargets> collectByContext(Supergraph supergraph, EntityJump jump,
            Map<String, Object> data) {
        Map<Map<String, Object>, JumpTargets> groups = new LinkedHashMap<>();
        for (Target target : targets(supergraph, jump, data)) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (ContextValue context : jump.contexts()) {
                values.put(context.variable(), contextValue(data, target, context));
            }
            groups.computeIfAbsent(values, v -> new JumpTargets(jump)).add(supergraph, target);
        }
        return groups;
    }

    private static Object contextValue(Map<String, Object> data, Target target, ContextValue context) {
        Object ancestor = data;
        // The ancestor's path is a prefix of the call's: one concrete step (key or index) per step.
        for (Object step : target.path().subList(0, context.ancestorPath().size())) {
            ancestor = step instanceof Integer index ? (ancestor instanceof List<?> list ? list.get(index) : null)
                    : (ancestor instanceof Map<?, ?> map ? map.get(step) : null);
        }
        if (!(ancestor instanceof Map<?, ?> object) || !context.ancestorTypes().contains(object.get("__typename"))) {
            return null;
        }
        Object value = object;
        for (String key : context.valuePath()) {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return value;
    }

    /** The objects at the call's paths whose type it takes. */
    private static List<Target> targets(Supergraph supergraph, EntityJump jump, Map<String, Object> data) {
        List<Target> result = new ArrayList<>();
        for (List<String> path : jump.paths()) {
            List<Target> found = new ArrayList<>();
            walk(data, path, 0, new ArrayList<>(), found);
            for (Target target : found) {
                Object typename = target.object().get("__typename");
                // Calls on an interface (entity interfaces, @interfaceObject) take objects of any implementation.
                if (jump.typeName().equals(typename) || supergraph.possibleTypes(jump.typeName()).contains(typename)) {
                    result.add(target);
                }
            }
        }
        return result;
    }

    private void add(Supergraph supergraph, Target target) {
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("__typename", jump.typeName());
        if (!project(supergraph, target.object(), jump.representation(), jump.representationKeys(), representation)
                || hasNullKey(representation)) {
            // Missing parent data or a null key: nothing the subgraph could resolve.
            return;
        }
        Integer index = indexByRepresentation.get(representation);
        if (index == null) {
            index = representations.size();
            indexByRepresentation.put(representation, index);
            representations.add(representation);
            byRepresentation.add(new ArrayList<>());
        }
        byRepresentation.get(index).add(target);
    }

    private boolean hasNullKey(Map<String, Object> representation) {
        for (String key : jump.key().fields().keySet()) {
            if (representation.get(key) == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Collects the objects at {@code path} below {@code value}, an object or list of the run's own
     * ({@link JsonTrees.OwnedMap}, {@link JsonTrees.OwnedList}): every object and list on the way is made the run's
     * own, since the call's answer will be merged into the objects found.
     */
    @SuppressWarnings("unchecked")
    private static void walk(Object value, List<String> path, int position, List<Object> concretePath, List<Target> found) {
        if (position == path.size()) {
            if (value instanceof Map<?, ?> map) {
                found.add(new Target(cast(map), List.copyOf(concretePath)));
            }
            return;
        }
        String step = path.get(position);
        if (step.equals("@")) {
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    concretePath.add(i);
                    walk(JsonTrees.ownItem((List<Object>) list, i), path, position + 1, concretePath, found);
                    concretePath.remove(concretePath.size() - 1);
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            concretePath.add(step);
            walk(JsonTrees.ownValue(cast(map), step), path, position + 1, concretePath, found);
            concretePath.remove(concretePath.size() - 1);
        }
    }

    /**
     * Copies the field set out of an object; false when a required value is missing. Fields under a type condition
     * are copied from objects of that type only, with the object's {@code __typename}.
     */
    private static boolean project(Supergraph supergraph, Map<String, Object> source, FieldSet fields,
            Map<String, String> responseKeys, Map<String, Object> into) {
        if (!fields.typeConditions().isEmpty()) {
            Object typename = source.get("__typename");
            into.put("__typename", typename);
            for (Map.Entry<String, FieldSet> condition : fields.typeConditions().entrySet()) {
                if ((condition.getKey().equals(typename) || supergraph.possibleTypes(condition.getKey()).contains(typename))
                        && !project(supergraph, source, condition.getValue(), Map.of(), into)) {
                    return false;
                }
            }
        }
        for (Map.Entry<String, FieldSet> entry : fields.fields().entrySet()) {
            String responseKey = responseKeys.getOrDefault(entry.getKey(), entry.getKey());
            if (!source.containsKey(responseKey)) {
                return false;
            }
            Object value = source.get(responseKey);
            if (entry.getValue().isEmpty() || value == null) {
                into.put(entry.getKey(), value);
            } else if (value instanceof Map<?, ?> map) {
                Map<String, Object> nested = new LinkedHashMap<>();
                if (!project(supergraph, cast(map), entry.getValue(), Map.of(), nested)) {
                    return false;
                }
                into.put(entry.getKey(), nested);
            } else if (value instanceof List<?> list) {
                List<Object> nestedList = new ArrayList<>();
                for (Object item : list) {
                    Map<String, Object> nested = new LinkedHashMap<>();
                    if (item instanceof Map<?, ?> map && project(supergraph, cast(map), entry.getValue(), Map.of(),
                            nested)) {
                        nestedList.add(nested);
                    } else {
                        nestedList.add(item);
                    }
                }
                into.put(entry.getKey(), nestedList);
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
