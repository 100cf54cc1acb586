package org.lodestone.gateway.execution;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;

import org.lodestone.gateway.pipeline.GraphQLErrors;
import org.lodestone.gateway.planning.NormalizedOperation;
import org.lodestone.gateway.planning.Selection;
import org.lodestone.gateway.planning.Selection.FieldSelection;
import org.lodestone.gateway.planning.Selection.FragmentSelection;

/**
 * Builds the client's {@code data} from the merged subgraph answers: exactly the requested
 * response keys in the requested order (key and {@code @requires} fields the gateway added are
 * dropped), {@code __typename} filled in, and nulls propagated to the nearest nullable parent as the
 * GraphQL spec requires.
 */
public final class ResponseShaper {

    /** Marks "null in a non-null position": the parent must become null. */
    private static final Object PROPAGATE = new Object();

    private final GraphQLSchema schema;
    private final Function<String, Set<String>> possibleTypes;
    private final List<Map<String, Object>> errors;
    /**
     * The selection sets of operations shaped before, with the fields collected for each object type: per operation
     * (by identity: prepared operations are kept and given again for requests of the same shape) and API schema, so a
     * request of a known shape collects nothing. At most {@value #REMEMBERED_OPERATIONS} operations; past that the
     * cache starts again.
     */
    private static final Map<OperationKey, SelectionSet> OPERATIONS = new ConcurrentHashMap<>();
    static final int REMEMBERED_OPERATIONS = 512;

    private ResponseShaper(GraphQLSchema schema, Function<String, Set<String>> possibleTypes,
            List<Map<String, Object>> errors) {
        this.schema = schema;
        this.possibleTypes = possibleTypes;
        this.errors = errors;
    }

    public record Shaped(Map<String, Object> data, List<Map<String, Object>> errors) {
    }

    public static Shaped shape(GraphQLSchema schema, Function<String, Set<String>> possibleTypes,
            NormalizedOperation operation, Map<String, Object> raw, List<Map<String, Object>> errors) {
        ResponseShaper shaper = new ResponseShaper(schema, possibleTypes, new ArrayList<>(errors));
        GraphQLObjectType root = schema.getObjectType(operation.rootTypeName());
        Object data = shaper.completeObject(root, rootSelections(schema, operation), raw, new ArrayList<>());
        @SuppressWarnings("unchecked")
        Map<String, Object> shaped = data == null ? null : (Map<String, Object>) data;
        return new Shaped(shaped, shaper.errors);
    }

    /**
     * Shapes one object of type {@code typeName} (the object a deferred fragment is on) after {@code selections},
     * from the raw merged answer at {@code path}.
     *
     * @return the shaped object, null when a non-null field inside made it null
     */
    public static Shaped shapeObject(GraphQLSchema schema, Function<String, Set<String>> possibleTypes, String typeName,
            List<Selection> selections, Map<String, Object> raw, List<Object> path, List<Map<String, Object>> errors) {
        ResponseShaper shaper = new ResponseShaper(schema, possibleTypes, new ArrayList<>(errors));
        Object data = shaper.completeObject(schema.getObjectType(typeName), new SelectionSet(selections), raw,
                new ArrayList<>(path));
        @SuppressWarnings("unchecked")
        Map<String, Object> shaped = data == null ? null : (Map<String, Object>) data;
        return new Shaped(shaped, shaper.errors);
    }

    /**
     * The fields one selection set asks of one object type, merged by response key: the same for every list item.
     * {@code type} is the field's type in the API schema (null for {@code __typename}, {@code __schema}, {@code __type}),
     * looked up once here rather than for every object shaped.
     */
    private record CollectedField(String key, FieldSelection first, SelectionSet subSelections, GraphQLOutputType type) {
    }

    /** One selection set, with the fields it asks of each object type it was applied to, collected once. */
    private static final class SelectionSet {
        final List<Selection> selections;
        final Map<String, List<CollectedField>> byType = new ConcurrentHashMap<>();

        SelectionSet(List<Selection> selections) {
            this.selections = selections;
        }
    }

    /** Identity of an operation shaped after an API schema. */
    private record OperationKey(NormalizedOperation operation, GraphQLSchema schema) {
        @Override
        public boolean equals(Object other) {
            return other instanceof OperationKey key && key.operation == operation && key.schema == schema;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(operation) + System.identityHashCode(schema);
        }
    }

    private static SelectionSet rootSelections(GraphQLSchema schema, NormalizedOperation operation) {
        OperationKey key = new OperationKey(operation, schema);
        SelectionSet known = OPERATIONS.get(key);
        if (known == null) {
            if (OPERATIONS.size() >= REMEMBERED_OPERATIONS) {
                OPERATIONS.clear();
            }
            known = OPERATIONS.computeIfAbsent(key, k -> new SelectionSet(operation.selections()));
        }
        return known;
    }

    private List<CollectedField> fieldsOf(GraphQLObjectType type, SelectionSet selectionSet) {
        List<CollectedField> known = selectionSet.byType.get(type.getName());
        if (known != null) {
            return known;
        }
        return selectionSet.byType.computeIfAbsent(type.getName(), name -> {
            List<Selection> selections = selectionSet.selections;
            Map<String, List<FieldSelection>> fields = new LinkedHashMap<>();
            collectFields(type, selections, fields);
            List<CollectedField> result = new ArrayList<>(fields.size());
            for (Map.Entry<String, List<FieldSelection>> entry : fields.entrySet()) {
                List<FieldSelection> same = entry.getValue();
                List<Selection> subSelections;
                if (same.size() == 1) {
                    subSelections = same.get(0).selections();
                } else {
                    subSelections = new ArrayList<>();
                    for (FieldSelection field : same) {
                        subSelections.addAll(field.selections());
                    }
                }
                FieldSelection first = same.get(0);
                GraphQLOutputType fieldType = first.isTypename() || first.name().equals("__schema")
                        || first.name().equals("__type") ? null : type.getFieldDefinition(first.name()).getType();
                result.add(new CollectedField(entry.getKey(), first, new SelectionSet(subSelections), fieldType));
            }
            return List.copyOf(result);
        });
    }

    private Object completeObject(GraphQLObjectType type, SelectionSet selections, Map<String, Object> source,
            List<Object> path) {
        List<CollectedField> fields = fieldsOf(type, selections);
        Map<String, Object> result = new LinkedHashMap<>(Math.max(4, fields.size() * 2));
        for (CollectedField entry : fields) {
            String key = entry.key();
            FieldSelection first = entry.first();
            if (first.isTypename()) {
                result.put(key, type.getName());
                continue;
            }
            if (first.name().equals("__schema") || first.name().equals("__type")) {
                // Answered locally from the API schema before shaping; already in its final shape.
                result.put(key, source.get(key));
                continue;
            }
            GraphQLOutputType fieldType = entry.type();
            path.add(key);
            Object value;
            if (first.denied()) {
                errors.add(GraphQLErrors.error("Not authorized to access " + type.getName() + "." + first.name(),
                        List.copyOf(path), GraphQLErrors.FORBIDDEN));
                value = fieldType instanceof GraphQLNonNull ? PROPAGATE : null;
            } else {
                value = completeValue(fieldType, source.get(key), entry.subSelections(), path);
            }
            path.remove(path.size() - 1);
            if (value == PROPAGATE) {
                return null;
            }
            result.put(key, value);
        }
        return result;
    }

    private Object completeValue(GraphQLType type, Object value, SelectionSet selections, List<Object> path) {
        if (type instanceof GraphQLNonNull nonNull) {
            Object completed = completeValue(nonNull.getWrappedType(), value, selections, path);
            if (completed == null) {
                ensureError(path);
                return PROPAGATE;
            }
            return completed;
        }
        if (value == null) {
            return null;
        }
        if (type instanceof GraphQLList list) {
            if (!(value instanceof List<?> items)) {
                return null;
            }
            List<Object> result = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                path.add(i);
                Object item = completeValue(list.getWrappedType(), items.get(i), selections, path);
                path.remove(path.size() - 1);
                if (item == PROPAGATE) {
                    return null;
                }
                result.add(item);
            }
            return result;
        }
        if (type instanceof GraphQLEnumType enumType) {
            return completeEnum(enumType, value, path);
        }
        if (!(type instanceof GraphQLCompositeType) || !(value instanceof Map<?, ?> map)) {
            return value;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        GraphQLObjectType concrete = type instanceof GraphQLObjectType objectType ? objectType
                : schema.getObjectType(String.valueOf(object.get("__typename")));
        if (concrete == null) {
            return null;
        }
        return completeObject(concrete, selections, object, path);
    }

    /**
     * A subgraph may return an enum value the public schema hides ({@code @inaccessible}) or does not know:
     * the value never reaches the client, the field becomes null with an error at its path.
     */
    private Object completeEnum(GraphQLEnumType type, Object value, List<Object> path) {
        if (value instanceof String name && type.getValue(name) != null) {
            return value;
        }
        errors.add(GraphQLErrors.error("Invalid value returned for enum " + type.getName(), List.copyOf(path),
                GraphQLErrors.INTERNAL));
        return null;
    }

    /**
     * The whole response body ({@code errors} when there are any, {@code data}, then {@code extensions} when given) as
     * UTF-8 JSON, written field by field while the merged answer is walked: the same bytes as {@link #shape} followed
     * by {@link JsonCodec#write} of {@code {"errors": ..., "data": ..., "extensions": ...}}, without building the
     * shaped tree first.
     *
     * @return null when a null reached a non-null field, so that a parent becomes null: such an answer is shaped as a
     *         tree ({@link #shape}), which knows the parent before it is written
     */
    public static Written write(GraphQLSchema schema, Function<String, Set<String>> possibleTypes,
            NormalizedOperation operation, Map<String, Object> raw, List<Map<String, Object>> errors,
            Map<String, Object> extensions, JsonCodec codec) {
        ResponseShaper shaper = new ResponseShaper(schema, possibleTypes, new ArrayList<>(errors));
        // One generator (a second one on the same thread would find the recycled buffers taken) and one buffer:
        // {"data":...[,"errors":...][,"extensions":...]}, then the errors moved before the data when there are any.
        ScratchBytes bytes = ScratchBytes.take();
        try (JsonGenerator generator = codec.generator(bytes)) {
            generator.writeStartObject();
            generator.writeFieldName("data");
            shaper.writeObject(generator, schema.getObjectType(operation.rootTypeName()),
                    rootSelections(schema, operation), raw, new ArrayList<>(), codec);
            generator.flush();
            int dataEnd = bytes.size();
            int errorsEnd = dataEnd;
            if (!shaper.errors.isEmpty()) {
                generator.writeFieldName("errors");
                codec.writeValue(generator, shaper.errors);
                generator.flush();
                errorsEnd = bytes.size();
            }
            if (extensions != null) {
                generator.writeFieldName("extensions");
                codec.writeValue(generator, extensions);
            }
            generator.writeEndObject();
            generator.flush();
            return new Written(errorsEnd == dataEnd ? bytes.toByteArray()
                    : errorsFirst(bytes.array(), bytes.size(), dataEnd, errorsEnd), shaper.errors.size());
        } catch (PropagatedNull propagated) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        } finally {
            bytes.release();
        }
    }

    /** The body written by {@link #write}, and how many errors it holds. */
    public record Written(byte[] body, int errorCount) {
    }

    /**
     * {@code {"data":D,"errors":E...} } (the first {@code length} bytes of {@code written}) as
     * {@code {"errors":E,"data":D...} }: {@code dataEnd} is where the comma before {@code "errors"} is,
     * {@code errorsEnd} where the errors' value ends.
     */
    private static byte[] errorsFirst(byte[] written, int length, int dataEnd, int errorsEnd) {
        byte[] body = new byte[length];
        body[0] = '{';
        int errorsLength = errorsEnd - dataEnd - 1;
        System.arraycopy(written, dataEnd + 1, body, 1, errorsLength);
        body[1 + errorsLength] = ',';
        System.arraycopy(written, 1, body, 2 + errorsLength, dataEnd - 1);
        System.arraycopy(written, errorsEnd, body, errorsEnd, length - errorsEnd);
        return body;
    }

    /** Thrown while writing when a null must propagate to a parent already written (see {@link #write}). */
    private static final class PropagatedNull extends RuntimeException {
        private static final PropagatedNull INSTANCE = new PropagatedNull();

        private PropagatedNull() {
            super(null, null, false, false);
        }
    }

    /** As {@link #completeObject}, written to {@code generator}. */
    private void writeObject(JsonGenerator generator, GraphQLObjectType type, SelectionSet selections,
            Map<String, Object> source, List<Object> path, JsonCodec codec) throws IOException {
        List<CollectedField> fields = fieldsOf(type, selections);
        generator.writeStartObject();
        for (CollectedField entry : fields) {
            String key = entry.key();
            FieldSelection first = entry.first();
            generator.writeFieldName(key);
            if (first.isTypename()) {
                generator.writeString(type.getName());
                continue;
            }
            if (entry.type() == null) {
                // __schema, __type: answered locally before shaping, already in their final shape.
                codec.writeValue(generator, source.get(key));
                continue;
            }
            GraphQLOutputType fieldType = entry.type();
            path.add(key);
            if (first.denied()) {
                errors.add(GraphQLErrors.error("Not authorized to access " + type.getName() + "." + first.name(),
                        List.copyOf(path), GraphQLErrors.FORBIDDEN));
                if (fieldType instanceof GraphQLNonNull) {
                    throw PropagatedNull.INSTANCE;
                }
                generator.writeNull();
            } else {
                writeValue(generator, fieldType, source.get(key), entry.subSelections(), path, codec);
            }
            path.remove(path.size() - 1);
        }
        generator.writeEndObject();
    }

    /** As {@link #completeValue}, written to {@code generator}. */
    private void writeValue(JsonGenerator generator, GraphQLType type, Object value, SelectionSet selections,
            List<Object> path, JsonCodec codec) throws IOException {
        if (type instanceof GraphQLNonNull nonNull) {
            GraphQLType inner = nonNull.getWrappedType();
            if (completesToNull(inner, value)) {
                throw PropagatedNull.INSTANCE;
            }
            writeValue(generator, inner, value, selections, path, codec);
            return;
        }
        if (value == null) {
            generator.writeNull();
            return;
        }
        if (type instanceof GraphQLList list) {
            if (!(value instanceof List<?> items)) {
                generator.writeNull();
                return;
            }
            generator.writeStartArray();
            GraphQLType itemType = list.getWrappedType();
            for (int i = 0, n = items.size(); i < n; i++) {
                path.add(i);
                writeValue(generator, itemType, items.get(i), selections, path, codec);
                path.remove(path.size() - 1);
            }
            generator.writeEndArray();
            return;
        }
        if (type instanceof GraphQLEnumType enumType) {
            codec.writeValue(generator, completeEnum(enumType, value, path));
            return;
        }
        if (!(type instanceof GraphQLCompositeType) || !(value instanceof Map<?, ?> map)) {
            codec.writeValue(generator, value);
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        GraphQLObjectType concrete = concreteType(type, object);
        if (concrete == null) {
            generator.writeNull();
            return;
        }
        writeObject(generator, concrete, selections, object, path, codec);
    }

    /** Whether {@link #completeValue} of a value of the nullable {@code type} gives null (no errors added here). */
    private boolean completesToNull(GraphQLType type, Object value) {
        if (value == null) {
            return true;
        }
        if (type instanceof GraphQLList) {
            return !(value instanceof List<?>);
        }
        if (type instanceof GraphQLEnumType enumType) {
            return !(value instanceof String name && enumType.getValue(name) != null);
        }
        if (type instanceof GraphQLCompositeType && value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            return concreteType(type, object) == null;
        }
        return false;
    }

    private GraphQLObjectType concreteType(GraphQLType type, Map<String, Object> object) {
        return type instanceof GraphQLObjectType objectType ? objectType
                : schema.getObjectType(String.valueOf(object.get("__typename")));
    }

    private void collectFields(GraphQLObjectType type, List<Selection> selections, Map<String, List<FieldSelection>> into) {
        for (Selection selection : selections) {
            if (selection instanceof FieldSelection field) {
                into.computeIfAbsent(field.responseKey(), k -> new ArrayList<>()).add(field);
            } else if (selection instanceof FragmentSelection fragment) {
                if (fragment.deferred()) {
                    // Delivered later, in its own part (IncrementalDelivery).
                    continue;
                }
                String condition = fragment.typeCondition();
                if (condition == null || condition.equals(type.getName())
                        || possibleTypes.apply(condition).contains(type.getName())) {
                    collectFields(type, fragment.selections(), into);
                }
            }
        }
    }

    /** A null in a non-null position needs an error at or below it; add one unless a fetch already did. */
    private void ensureError(List<Object> path) {
        for (Map<String, Object> error : errors) {
            if (error.get("path") instanceof List<?> errorPath && related(errorPath, path)) {
                return;
            }
        }
        errors.add(GraphQLErrors.error("Cannot return null for non-nullable field", List.copyOf(path),
                GraphQLErrors.SUBGRAPH_UNAVAILABLE));
    }

    private static boolean related(List<?> a, List<?> b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            if (!String.valueOf(a.get(i)).equals(String.valueOf(b.get(i)))) {
                return false;
            }
        }
        return true;
    }

}
