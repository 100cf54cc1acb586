package org.lodestone.gateway.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.introspection.GoodFaithIntrospection;
import graphql.schema.GraphQLSchema;

import org.lodestone.gateway.planning.Selection;
import org.lodestone.gateway.planning.Selection.FieldSelection;
import org.lodestone.gateway.planning.Selection.FragmentSelection;

/** {@code __schema} and {@code __type} answered by graphql-java from the API schema, never by a subgraph. */
final class LocalIntrospection {

    static final Set<String> FIELDS = Set.of("__schema", "__type");

    private final GraphQL graphQL;

    LocalIntrospection(GraphQLSchema apiSchema) {
        this.graphQL = GraphQL.newGraphQL(apiSchema).build();
    }

    static boolean isUsedBy(List<Selection> selections) {
        for (Selection selection : selections) {
            if (selection instanceof FieldSelection field && FIELDS.contains(field.name())) {
                return true;
            }
            if (selection instanceof FragmentSelection fragment && isUsedBy(fragment.selections())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The introspection root fields of the request by response key (other root fields are absent),
     * and graphql-java's errors. Its "good faith" check (which answers deep introspection with null) is
     * off: the gateway's own depth limit counts introspection fields.
     */
    Introspected execute(GraphQLRequest request) {
        ExecutionInput input = ExecutionInput.newExecutionInput(request.query())
                .operationName(request.operationName())
                .graphQLContext(Map.of(GoodFaithIntrospection.GOOD_FAITH_INTROSPECTION_DISABLED, true))
                .variables(request.variables() == null ? Map.of() : request.variables()).build();
        ExecutionResult result = graphQL.execute(input);
        Map<String, Object> data = result.getData();
        Map<String, Object> fields = new LinkedHashMap<>();
        if (data != null) {
            data.forEach((key, value) -> {
                if (value != null) {
                    fields.put(key, value);
                }
            });
        }
        List<Map<String, Object>> errors = result.getErrors().stream()
                .map(e -> GraphQLErrors.error(e.getMessage(), e.getPath(), GraphQLErrors.INTERNAL)).toList();
        return new Introspected(fields, errors);
    }

    record Introspected(Map<String, Object> data, List<Map<String, Object>> errors) {
    }
}
