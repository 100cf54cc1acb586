package org.lodestone.gateway.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;

/**
 * Syntax, the alias limit and validation against the API schema. Only valid documents are kept,
 * in a bounded LRU keyed by the query text, so a repeated query is parsed and validated once.
 */
final class ValidatedDocuments {

    private final GraphQLSchema schema;
    private final RequestLimits limits;
    private final ParserOptions parserOptions;
    private final Map<String, Document> documents;

    ValidatedDocuments(GraphQLSchema schema, RequestLimits limits, int maxSize) {
        this.schema = schema;
        this.limits = limits;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(b -> b
                .maxCharacters(limits.maxQueryLength()).captureSourceLocation(true));
        this.documents = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
                return size() > maxSize;
            }
        });
    }

    /** The parsed, valid document; throws {@link RequestRejectedException} otherwise. */
    Document get(String query) {
        Document document = documents.get(query);
        if (document == null) {
            document = parseAndValidate(query);
            documents.put(query, document);
        }
        return document;
    }

    private Document parseAndValidate(String query) {
        Document document;
        try {
            document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(parserOptions).build());
        } catch (InvalidSyntaxException e) {
            throw RequestRejectedException.badInput(e.getMessage(), e.getLocation());
        }
        int aliases = countAliases(document);
        if (aliases > limits.maxAliases()) {
            throw RequestRejectedException.limit("Operation uses " + aliases + " aliases; the limit is "
                    + limits.maxAliases(), "maxAliases");
        }
        ControlCharacters.checkArguments(document);
        List<ValidationError> validationErrors = ParseAndValidate.validate(schema, document);
        if (!validationErrors.isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (ValidationError error : validationErrors) {
                errors.add(InputErrors.validation(error, schema));
            }
            throw RequestRejectedException.errors(errors);
        }
        return document;
    }

    private static int countAliases(Document document) {
        int[] count = {0};
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitField(Field node, TraverserContext<graphql.language.Node> context) {
                if (node.getAlias() != null) {
                    count[0]++;
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return count[0];
    }
}
