package org.lodestone.gateway.testsupport;

import java.util.List;
import java.util.Map;

import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.validation.ValidationError;

import org.lodestone.gateway.planning.NormalizedOperation;
import org.lodestone.gateway.planning.OperationNormalizer;
import org.lodestone.gateway.planning.QueryPlan;
import org.lodestone.gateway.planning.QueryPlanner;
import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.supergraph.SupergraphLoader;

/** Test supergraphs composed from the subgraph SDL under test resources. */
public final class Supergraphs {

    private Supergraphs() {
    }

    public static Supergraph coalition() {
        return SupergraphLoader.load("classpath:supergraphs/coalition.graphql");
    }

    public static Supergraph features() {
        return SupergraphLoader.load("classpath:supergraphs/features.graphql");
    }

    public static NormalizedOperation normalize(Supergraph supergraph, String query, Map<String, Object> variables) {
        Document document = Parser.parse(query);
        List<ValidationError> errors = ParseAndValidate.validate(supergraph.apiSchema(), document);
        if (!errors.isEmpty()) {
            throw new AssertionError("Invalid test query: " + errors);
        }
        return OperationNormalizer.normalize(supergraph.apiSchema(), document,
                OperationNormalizer.selectOperation(document, null), variables);
    }

    public static QueryPlan plan(Supergraph supergraph, String query) {
        return new QueryPlanner(supergraph).plan(normalize(supergraph, query, Map.of()));
    }
}
