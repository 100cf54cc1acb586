package org.lodestone.gateway.planning;

import java.util.List;
import java.util.Map;

import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;

/**
 * The operation the client asked for, in a canonical shape: planning input, plan cache key
 * ({@link #canonicalText()}) and the blueprint the response is shaped after.
 */
public record NormalizedOperation(OperationDefinition.Operation type, String name, List<Selection> selections,
        Map<String, VariableDefinition> variableDefinitions, String canonicalText) {

    public String rootTypeName() {
        return switch (type) {
            case QUERY -> "Query";
            case MUTATION -> "Mutation";
            case SUBSCRIPTION -> "Subscription";
        };
    }
}
