package org.lodestone.gateway.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import io.smallrye.mutiny.Uni;

import org.lodestone.gateway.execution.GraphQLErrors;
import org.lodestone.gateway.execution.PlanExecutor;
import org.lodestone.gateway.execution.ResponseShaper;
import org.lodestone.gateway.planning.NormalizedOperation;
import org.lodestone.gateway.planning.OperationNormalizer;
import org.lodestone.gateway.planning.PlanCache;
import org.lodestone.gateway.planning.PlanningException;
import org.lodestone.gateway.planning.QueryPlan;
import org.lodestone.gateway.planning.QueryPlanner;
import org.lodestone.gateway.planning.Selection;
import org.lodestone.gateway.planning.Selection.FieldSelection;
import org.lodestone.gateway.planning.Selection.FragmentSelection;
import org.lodestone.gateway.security.AccessPolicy;
import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.telemetry.OperationListener;

/**
 * The request pipeline, independent of the HTTP framework: limits, parse, validate against the API
 * schema (valid documents cached by text), coerce variables, normalize, apply access rules,
 * plan (cached), execute, shape.
 */
public final class GraphQLRequestProcessor {

    private static final Set<String> INTROSPECTION_FIELDS = Set.of("__schema", "__type");

    private final Supergraph supergraph;
    private final QueryPlanner planner;
    private final PlanCache cache;
    private final PlanExecutor executor;
    private final AccessPolicy accessPolicy;
    private final RequestLimits limits;
    private final boolean introspectionEnabled;
    private final GraphQL introspection;
    private final ParserOptions parserOptions;
    private final Map<String, Document> validatedDocuments;

    public GraphQLRequestProcessor(Supergraph supergraph, PlanExecutor executor, RequestLimits limits,
            int planCacheSize, boolean introspectionEnabled) {
        this.supergraph = supergraph;
        this.planner = new QueryPlanner(supergraph);
        this.cache = new PlanCache(planCacheSize);
        this.executor = executor;
        this.accessPolicy = new AccessPolicy(supergraph);
        this.limits = limits;
        this.introspectionEnabled = introspectionEnabled;
        this.introspection = GraphQL.newGraphQL(supergraph.apiSchema()).build();
        this.validatedDocuments = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
                return size() > planCacheSize;
            }
        });
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(b -> b
                .maxCharacters(limits.maxQueryLength()).captureSourceLocation(true));
    }

    public PlanCache planCache() {
        return cache;
    }

    public Supergraph supergraph() {
        return supergraph;
    }

    public Uni<GraphQLResponse> process(GraphQLRequest request, RequestContext context) {
        return process(request, context, OperationListener.NONE);
    }

    /** As {@link #process(GraphQLRequest, RequestContext)}, telling {@code listener} the plan and the outcome. */
    public Uni<GraphQLResponse> process(GraphQLRequest request, RequestContext context, OperationListener listener) {
        Prepared prepared;
        try {
            prepared = prepare(request, context);
        } catch (RequestRejected rejected) {
            return Uni.createFrom().item(rejected.response);
        }
        Prepared ready = prepared;
        listener.planned(ready.operation.type(), ready.operation.name(), ready.plan);
        Map<String, Object> variables = request.variables() == null ? Map.of() : request.variables();
        return executor.execute(ready.plan, variables, context.authorization()).map(result -> {
            Map<String, Object> raw = result.data();
            if (ready.introspection != null) {
                raw.putAll(ready.introspection);
            }
            ResponseShaper.Shaped shaped = ResponseShaper.shape(supergraph.apiSchema(), supergraph::possibleTypes,
                    ready.operation, raw, result.errors());
            Map<String, Object> body = new LinkedHashMap<>();
            if (!shaped.errors().isEmpty()) {
                body.put("errors", shaped.errors());
            }
            body.put("data", shaped.data());
            listener.executed(result.subgraphRequests(), shaped.errors().size());
            if (context.debugPlan()) {
                Map<String, Object> extensions = new LinkedHashMap<>();
                extensions.put("queryPlan", ready.plan.toString());
                extensions.put("subgraphRequests", result.subgraphRequests());
                body.put("extensions", extensions);
            }
            return GraphQLResponse.ok(body);
        });
    }

    /** Everything before network: a plan, or a rejection. */
    Prepared prepare(GraphQLRequest request, RequestContext context) {
        String query = request.query();
        if (query == null || query.isBlank()) {
            throw rejectWithStatus(400, "Missing query: send a GraphQL document in \"query\"", GraphQLErrors.BAD_USER_INPUT);
        }
        if (query.length() > limits.maxQueryLength()) {
            throw reject("Query is " + query.length() + " characters long; the limit is " + limits.maxQueryLength(),
                    "maxQueryLength");
        }
        Document document = validatedDocuments.get(query);
        if (document == null) {
            document = parseAndValidate(query);
            validatedDocuments.put(query, document);
        }
        OperationDefinition operation;
        try {
            operation = OperationNormalizer.selectOperation(document, request.operationName());
        } catch (IllegalArgumentException e) {
            throw reject(e.getMessage(), (SourceLocation) null);
        }
        if (context.readOnly() && operation.getOperation() != OperationDefinition.Operation.QUERY) {
            throw rejectWithStatus(405, "Only queries may be sent with GET; use POST for "
                    + operation.getOperation().name().toLowerCase() + "s", GraphQLErrors.BAD_USER_INPUT);
        }
        if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
            throw reject("Subscriptions are not supported by this gateway", (SourceLocation) null);
        }
        try {
            ValuesResolver.coerceVariableValues(supergraph.apiSchema(), operation.getVariableDefinitions(),
                    RawVariables.of(request.variables() == null ? Map.of() : request.variables()),
                    GraphQLContext.getDefault(), Locale.ROOT);
        } catch (RuntimeException e) {
            if (e instanceof GraphQLError) {
                throw reject(e.getMessage(), (SourceLocation) null);
            }
            throw e;
        }
        NormalizedOperation normalized = OperationNormalizer.normalize(supergraph.apiSchema(), document, operation,
                request.variables());
        int depth = depth(normalized.selections());
        if (depth > limits.maxDepth()) {
            throw reject("Operation is " + depth + " levels deep; the limit is " + limits.maxDepth(), "maxDepth");
        }
        List<Selection> allowed = accessPolicy.apply(normalized.rootTypeName(), normalized.selections(),
                context.authenticated(), context.roles());
        if (allowed != normalized.selections()) {
            normalized = OperationNormalizer.create(normalized.type(), normalized.name(), allowed,
                    normalized.variableDefinitions());
        }
        Map<String, Object> introspected = null;
        if (usesIntrospection(normalized.selections())) {
            if (!introspectionEnabled) {
                throw reject("Introspection is disabled", (SourceLocation) null);
            }
            introspected = introspect(request);
        }
        QueryPlan plan;
        try {
            plan = cache.get(normalized, planner::plan);
        } catch (PlanningException e) {
            // The supergraph offers no route to a requested field: nothing a subgraph can serve, not bad input.
            throw rejectWithStatus(500, e.getMessage(), GraphQLErrors.SUBGRAPH_UNAVAILABLE);
        }
        return new Prepared(normalized, plan, introspected);
    }

    /** Syntax, alias limit and validation against the API schema; only valid documents are cached. */
    private Document parseAndValidate(String query) {
        Document document;
        try {
            document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(parserOptions).build());
        } catch (InvalidSyntaxException e) {
            throw reject(e.getMessage(), e.getLocation());
        }
        int aliases = countAliases(document);
        if (aliases > limits.maxAliases()) {
            throw reject("Operation uses " + aliases + " aliases; the limit is " + limits.maxAliases(), "maxAliases");
        }
        List<ValidationError> validationErrors = ParseAndValidate.validate(supergraph.apiSchema(), document);
        if (!validationErrors.isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (ValidationError error : validationErrors) {
                errors.add(withLocations(GraphQLErrors.error(error.getMessage(), GraphQLErrors.BAD_USER_INPUT),
                        error.getLocations()));
            }
            throw new RequestRejected(GraphQLResponse.rejected(Map.of("errors", errors)));
        }
        return document;
    }

    private Map<String, Object> introspect(GraphQLRequest request) {
        ExecutionInput input = ExecutionInput.newExecutionInput(request.query())
                .operationName(request.operationName())
                .variables(request.variables() == null ? Map.of() : request.variables()).build();
        Map<String, Object> data = introspection.execute(input).getData();
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

    private static boolean usesIntrospection(List<Selection> selections) {
        for (Selection selection : selections) {
            if (selection instanceof FieldSelection field && INTROSPECTION_FIELDS.contains(field.name())) {
                return true;
            }
            if (selection instanceof FragmentSelection fragment && usesIntrospection(fragment.selections())) {
                return true;
            }
        }
        return false;
    }

    static int depth(List<Selection> selections) {
        int deepest = 0;
        for (Selection selection : selections) {
            if (selection instanceof FieldSelection field) {
                // Introspection documents are deep by nature and answered locally.
                if (INTROSPECTION_FIELDS.contains(field.name())) {
                    continue;
                }
                deepest = Math.max(deepest, 1 + depth(field.selections()));
            } else if (selection instanceof FragmentSelection fragment) {
                deepest = Math.max(deepest, depth(fragment.selections()));
            }
        }
        return deepest;
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

    private static RequestRejected reject(String message, SourceLocation location) {
        Map<String, Object> error = GraphQLErrors.error(message, GraphQLErrors.BAD_USER_INPUT);
        if (location != null) {
            error = withLocations(error, List.of(location));
        }
        return new RequestRejected(GraphQLResponse.rejected(Map.of("errors", List.of(error))));
    }

    @SuppressWarnings("unchecked")
    private static RequestRejected reject(String message, String limit) {
        Map<String, Object> error = GraphQLErrors.error(message, GraphQLErrors.BAD_USER_INPUT);
        ((Map<String, Object>) error.get("extensions")).put("limit", limit);
        return new RequestRejected(GraphQLResponse.rejected(Map.of("errors", List.of(error))));
    }

    private static RequestRejected rejectWithStatus(int status, String message, String code) {
        return new RequestRejected(GraphQLResponse.withStatus(
                Map.of("errors", List.of(GraphQLErrors.error(message, code))), status));
    }

    private static Map<String, Object> withLocations(Map<String, Object> error, List<SourceLocation> locations) {
        if (locations == null || locations.isEmpty()) {
            return error;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("message", error.get("message"));
        copy.put("locations", locations.stream().filter(l -> l != null)
                .map(l -> Map.of("line", l.getLine(), "column", l.getColumn())).toList());
        copy.put("extensions", error.get("extensions"));
        return copy;
    }

    record Prepared(NormalizedOperation operation, QueryPlan plan, Map<String, Object> introspection) {
    }

    private static final class RequestRejected extends RuntimeException {
        final GraphQLResponse response;

        RequestRejected(GraphQLResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }
}
