package org.lodestone.gateway.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionInput;
import graphql.GraphQL;
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

    /** The introspection root fields of the request, by response key (other root fields are absent). */
    Map<String, Object> execute(GraphQLRequest request) {
        ExecutionInput input = ExecutionInput.newExecutionInput(request.query())
                .operationName(request.operationName())
                .variables(request.variables() == null ? Map.of() : request.variables()).build();
        Map<String, Object> data = graphQL.execute(input).getData();
        Map<String, Object> result = new LinkedHashMap<>();
        if (data != null) {
            data.forEach((key, value) -> {
                if (value != null) {
                    result.put(key, value);
                }
            });
        }
        return result;
    }
}
