package org.lodestone.gateway.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;

import org.jboss.logging.Logger;

import org.lodestone.gateway.execution.ExecutionResult;
import org.lodestone.gateway.execution.IncrementalDelivery;
import org.lodestone.gateway.execution.JsonCodec;
import org.lodestone.gateway.execution.PlanExecutor;
import org.lodestone.gateway.execution.SubgraphSubscriptions;
import org.lodestone.gateway.execution.SubgraphUnavailableException;
import org.lodestone.gateway.execution.ResponseShaper;
import org.lodestone.gateway.planning.Fetch;
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

    private static final Logger LOG = Logger.getLogger(GraphQLRequestProcessor.class);

    private final Supergraph supergraph;
    private final QueryPlanner planner;
    private final PlanCache cache;
    private final PlanExecutor executor;
    private final AccessPolicy accessPolicy;
    private final ProgressiveOverrides overrides;
    private final RequestLimits limits;
    private final ValidatedDocuments documents;
    private final LocalIntrospection introspection;
    private final MergedRootFields merged;
    private final SubgraphSubscriptions subscriptions;
    private final PreparedOperations prepared;

    public GraphQLRequestProcessor(Supergraph supergraph, QueryPlanner planner, PlanCache cache, PlanExecutor executor,
            RequestLimits limits, boolean introspectionEnabled) {
        this(supergraph, planner, cache, executor, limits, introspectionEnabled, Map.of());
    }

    /** @param policyRoles for {@code @policy}: policy name to the token roles that are granted it */
    public GraphQLRequestProcessor(Supergraph supergraph, QueryPlanner planner, PlanCache cache, PlanExecutor executor,
            RequestLimits limits, boolean introspectionEnabled, Map<String, Set<String>> policyRoles) {
        this(supergraph, planner, cache, executor, limits, introspectionEnabled, policyRoles, Set.of());
    }

    /**
     * @param policyRoles for {@code @policy}: policy name to the token roles that are granted it
     * @param overrideLabels progressive {@code @override} labels (other than {@code percent(N)}) switched on
     */
    public GraphQLRequestProcessor(Supergraph supergraph, QueryPlanner planner, PlanCache cache, PlanExecutor executor,
            RequestLimits limits, boolean introspectionEnabled, Map<String, Set<String>> policyRoles,
            Set<String> overrideLabels) {
        this(supergraph, planner, cache, executor, limits, introspectionEnabled, policyRoles, overrideLabels,
                MergedRootFields.none(), null);
    }

    /**
     * @param merged the gateway-declared root fields ({@code supergraph}'s API schema must already declare them, see
     *        {@link MergedRootFields#extend})
     * @param subscriptions how subscriptions reach the subgraphs; null: subscriptions are refused
     */
    public GraphQLRequestProcessor(Supergraph supergraph, QueryPlanner planner, PlanCache cache, PlanExecutor executor,
            RequestLimits limits, boolean introspectionEnabled, Map<String, Set<String>> policyRoles,
            Set<String> overrideLabels, MergedRootFields merged, SubgraphSubscriptions subscriptions) {
        this.merged = merged;
        this.subscriptions = subscriptions;
        this.supergraph = supergraph;
        this.planner = planner;
        this.cache = cache;
        this.executor = executor;
        this.accessPolicy = new AccessPolicy(supergraph, policyRoles);
        this.overrides = new ProgressiveOverrides(supergraph, overrideLabels, cache.maxSize());
        this.limits = limits;
        this.documents = new ValidatedDocuments(supergraph.apiSchema(), limits, cache.maxSize());
        this.prepared = new PreparedOperations(cache.maxSize());
        this.introspection = introspectionEnabled ? new LocalIntrospection(supergraph.apiSchema()) : null;
    }

    public Uni<GraphQLResponse> process(GraphQLRequest request, RequestContext context) {
        return process(request, context, OperationListener.NONE);
    }

    /** As {@link #process(GraphQLRequest, RequestContext)}, telling {@code listener} the plan and the outcome. */
    public Uni<GraphQLResponse> process(GraphQLRequest request, RequestContext context, OperationListener listener) {
        return process(request, context, listener, false);
    }

    /**
     * As {@link #process(GraphQLRequest, RequestContext, OperationListener)} for a client that accepts an incremental
     * response: a query with {@code @defer} fragments answers its initial part as soon as the fetches it needs have
     * run, and each deferred fragment in a later payload ({@link GraphQLResponse#subsequent()}) once its own fetches
     * have. Anything else (no {@code @defer}, a mutation) is answered as one result.
     */
    public Uni<GraphQLResponse> processIncremental(GraphQLRequest request, RequestContext context,
            OperationListener listener) {
        return process(request, context, listener, true);
    }

    private Uni<GraphQLResponse> process(GraphQLRequest request, RequestContext context, OperationListener listener,
            boolean incremental) {
        Prepared prepared;
        try {
            prepared = prepare(request, context, incremental, false);
        } catch (RequestRejectedException rejected) {
            return Uni.createFrom().item(rejected.response());
        }
        listener.planned(prepared.operation.type(), prepared.operation.name(), prepared.plan);
        Map<String, Object> variables = request.variables() == null ? Map.of() : request.variables();
        // A merged root field's answers are put back together in one piece: no incremental delivery with one.
        IncrementalDelivery delivery = incremental && prepared.merges.isEmpty() ? IncrementalDelivery.of(supergraph.apiSchema(),
                supergraph::possibleTypes, prepared.operation) : null;
        if (delivery == null || delivery.deferredIds().isEmpty()) {
            return executor.execute(prepared.plan, variables, context.authorization())
                    .map(result -> GraphQLResponse.ok(initialBody(prepared, result, context, listener, null)));
        }
        PlanExecutor.Run run = executor.start(prepared.plan, variables, context.authorization());
        return run.initial().map(result -> {
            Map<String, Object> body = initialBody(prepared, result, context, listener, delivery);
            List<Integer> ids = delivery.deferredIds();
            if (!Boolean.TRUE.equals(body.get("hasNext"))) {
                return GraphQLResponse.incremental(body, Multi.createFrom().empty());
            }
            // One payload per deferred fragment, in document order (a nested fragment after the one around it);
            // nothing runs until the transport subscribes, and a client that goes away stops the rest.
            Multi<Map<String, Object>> rest = Multi.createFrom().range(0, ids.size()).onItem()
                    .transformToUniAndConcatenate(i -> run.deferred(ids.get(i)).map(step -> delivery.payload(
                            ids.get(i), step.data(), step.errors(), i < ids.size() - 1)));
            return GraphQLResponse.incremental(body, rest);
        });
    }

    /**
     * As {@link #process(GraphQLRequest, RequestContext, OperationListener)} for a client that wants one result as JSON,
     * started at once on Vert.x futures: the body of an executed operation is written with {@code codec} as it is
     * shaped ({@link GraphQLResponse#json()}, the same bytes {@code codec} writes for the body {@code process}
     * answers); a rejected request keeps its body as a tree. Once {@code cancelled} says true (the client went away),
     * no further fetch starts and the answer never comes.
     */
    public Future<GraphQLResponse> processToJson(GraphQLRequest request, RequestContext context,
            OperationListener listener, JsonCodec codec, BooleanSupplier cancelled) {
        Prepared prepared;
        try {
            prepared = prepare(request, context, false, false);
        } catch (RequestRejectedException rejected) {
            return Future.succeededFuture(rejected.response());
        }
        listener.planned(prepared.operation.type(), prepared.operation.name(), prepared.plan);
        Map<String, Object> variables = request.variables() == null ? Map.of() : request.variables();
        return executor.executeNow(prepared.plan, variables, context.authorization(), cancelled)
                .map(result -> jsonBody(prepared, result, context, listener, codec));
    }

    private GraphQLResponse jsonBody(Prepared prepared, ExecutionResult result, RequestContext context,
            OperationListener listener, JsonCodec codec) {
        Raw raw = raw(prepared, result);
        ResponseShaper.Written written = ResponseShaper.write(supergraph.apiSchema(), supergraph::possibleTypes,
                prepared.operation, raw.data(), raw.errors(), context.debugPlan() ? debugExtensions(prepared, result)
                        : null, codec);
        if (written == null) {
            // A null propagated to a parent: shaped as a tree.
            return GraphQLResponse.ok(shapedBody(prepared, result, raw, context, listener, null));
        }
        listener.executed(result.subgraphRequests(), written.errorCount());
        return GraphQLResponse.json(written.body());
    }

    /**
     * An operation answered as a stream of results, for the streaming transports (GraphQL over WebSocket and over
     * SSE): a subscription gives one result per event; a query or mutation gives its one result. A rejected
     * request (syntax, validation, variables, planning) gives no stream but the response saying why.
     */
    public OperationStream stream(GraphQLRequest request, RequestContext context) {
        return stream(request, context, OperationListener.NONE);
    }

    /** As {@link #stream(GraphQLRequest, RequestContext)}, telling {@code listener} the operation's type and name. */
    public OperationStream stream(GraphQLRequest request, RequestContext context, OperationListener listener) {
        Prepared prepared;
        try {
            prepared = prepare(request, context, false, true);
        } catch (RequestRejectedException rejected) {
            return OperationStream.rejected(rejected.response());
        }
        listener.planned(prepared.operation.type(), prepared.operation.name(), prepared.plan);
        if (prepared.operation.type() != OperationDefinition.Operation.SUBSCRIPTION) {
            return OperationStream.of(process(request, context).map(GraphQLResponse::body).toMulti());
        }
        Map<String, Object> variables = request.variables() == null ? Map.of() : request.variables();
        List<Multi<Map<String, Object>>> streams = new ArrayList<>();
        for (Fetch root : prepared.plan.fetches()) {
            if (!root.isRoot() || root.level() != 0) {
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", root.operation());
            Map<String, Object> forwarded = new LinkedHashMap<>();
            root.variables().stream().filter(variables::containsKey).forEach(v -> forwarded.put(v, variables.get(v)));
            body.put("variables", forwarded);
            String rootKey = root.rootKeys().isEmpty() ? null : root.rootKeys().get(0);
            streams.add(subscriptions.subscribe(supergraph.subgraph(root.graph()), body, context.authorization())
                    .onItem().transformToUniAndConcatenate(event -> executor.executeFromRoot(prepared.plan, root,
                            event, variables, context.authorization())
                            .map(result -> initialBody(prepared, result, context, OperationListener.NONE, null)))
                    .onFailure(SubgraphUnavailableException.class).recoverWithItem(failure ->
                            unavailable(prepared, rootKey, root.subgraph(), failure.getMessage())));
        }
        if (streams.isEmpty()) {
            return OperationStream.of(Multi.createFrom().empty());
        }
        return OperationStream.of(streams.size() == 1 ? streams.get(0)
                : Multi.createBy().merging().streams(streams));
    }

    /** The last result of a subgraph's stream that broke off: the field's path, the subgraph's name. */
    private Map<String, Object> unavailable(Prepared prepared, String rootKey, String subgraph, String message) {
        List<Object> path = new ArrayList<>();
        if (rootKey != null) {
            String key = prepared.merges.stream().filter(m -> m.aliases().contains(rootKey))
                    .map(MergedRootFields.Merge::responseKey).findFirst().orElse(rootKey);
            path.add(key);
        }
        Map<String, Object> error = GraphQLErrors.error(message + "; subscribe again and replay what was missed",
                path, GraphQLErrors.SUBGRAPH_UNAVAILABLE);
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = new LinkedHashMap<>((Map<String, Object>) error.get("extensions"));
        extensions.put("serviceName", subgraph);
        error = new LinkedHashMap<>(error);
        error.put("extensions", extensions);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(error));
        body.put("data", null);
        return body;
    }

    /** The single result, or with {@code delivery} the initial payload of an incremental one (deferred fragments left out). */
    private Map<String, Object> initialBody(Prepared prepared, ExecutionResult result, RequestContext context,
            OperationListener listener, IncrementalDelivery delivery) {
        return shapedBody(prepared, result, raw(prepared, result), context, listener, delivery);
    }

    /** The merged answer before shaping: merged root fields put back together, introspection answers added. */
    private static Raw raw(Prepared prepared, ExecutionResult result) {
        Map<String, Object> raw = result.data();
        List<Map<String, Object>> errors = result.errors();
        if (!prepared.merges.isEmpty()) {
            errors = new ArrayList<>(errors);
            MergedRootFields.merge(prepared.merges, prepared.operation.type(), raw, errors);
        }
        if (prepared.introspection != null) {
            raw.putAll(prepared.introspection.data());
            errors = new ArrayList<>(errors);
            errors.addAll(prepared.introspection.errors());
        }
        return new Raw(raw, errors);
    }

    private record Raw(Map<String, Object> data, List<Map<String, Object>> errors) {
    }

    private static Map<String, Object> debugExtensions(Prepared prepared, ExecutionResult result) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("queryPlan", prepared.plan.toString());
        extensions.put("subgraphRequests", result.subgraphRequests());
        return extensions;
    }

    private Map<String, Object> shapedBody(Prepared prepared, ExecutionResult result, Raw raw, RequestContext context,
            OperationListener listener, IncrementalDelivery delivery) {
        ResponseShaper.Shaped shaped = ResponseShaper.shape(supergraph.apiSchema(), supergraph::possibleTypes,
                prepared.operation, raw.data(), raw.errors());
        Map<String, Object> body = new LinkedHashMap<>();
        if (!shaped.errors().isEmpty()) {
            body.put("errors", shaped.errors());
        }
        body.put("data", shaped.data());
        if (delivery != null) {
            // Data null at the root: nothing later could attach to it.
            body.put("hasNext", shaped.data() != null);
            delivery.initialDelivered(shaped.data());
        }
        listener.executed(result.subgraphRequests(), shaped.errors().size());
        if (context.debugPlan()) {
            body.put("extensions", debugExtensions(prepared, result));
        }
        return body;
    }

    /**
     * Everything before network: a plan, or a rejection. What comes before planning (operation selection,
     * variable checks, normalization, access rules, merged root fields) is remembered per request shape
     * ({@link PreparedOperations}); planning itself goes through the plan cache on every request, since progressive
     * overrides draw per request.
     */
    private Prepared prepare(GraphQLRequest request, RequestContext context, boolean incremental, boolean streaming) {
        PreparedOperations.Key key = PreparedOperations.key(request, context, incremental, streaming);
        PreparedOperations.Operation operation = key == null ? null : prepared.get(key);
        if (operation == null) {
            Prepared full = prepareUncached(request, context, incremental, streaming);
            if (key != null && full.introspection == null) {
                prepared.put(key, new PreparedOperations.Operation(full.operation, full.merges, full.planned));
            }
            return full;
        }
        return new Prepared(operation.operation(), operation.merges(), operation.planned(), plan(operation.planned()),
                null);
    }

    private Prepared prepareUncached(GraphQLRequest request, RequestContext context, boolean incremental,
            boolean streaming) {
        String query = request.query();
        if (query == null || query.isBlank()) {
            throw RequestRejectedException.withStatus(400, "Missing query: send a GraphQL document in \"query\"",
                    GraphQLErrors.BAD_USER_INPUT);
        }
        if (query.length() > limits.maxQueryLength()) {
            throw RequestRejectedException.limit("Query is " + query.length() + " characters long; the limit is "
                    + limits.maxQueryLength(), "maxQueryLength");
        }
        Document document = documents.get(query);
        OperationDefinition operation;
        try {
            operation = OperationNormalizer.selectOperation(document, request.operationName());
        } catch (IllegalArgumentException e) {
            throw RequestRejectedException.badInput(e.getMessage());
        }
        if (context.readOnly() && operation.getOperation() != OperationDefinition.Operation.QUERY) {
            throw RequestRejectedException.withStatus(405, "Only queries may be sent with GET; use POST for "
                    + operation.getOperation().name().toLowerCase() + "s", GraphQLErrors.BAD_USER_INPUT);
        }
        if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION
                && (!streaming || subscriptions == null)) {
            throw RequestRejectedException.badInput(subscriptions == null
                    ? "Subscriptions are not supported by this gateway"
                    : "Subscriptions are served over WebSocket (graphql-transport-ws) and GraphQL over SSE "
                            + "(Accept: text/event-stream), not in a single HTTP response");
        }
        ControlCharacters.checkVariables(request.variables());
        try {
            ValuesResolver.coerceVariableValues(supergraph.apiSchema(), operation.getVariableDefinitions(),
                    RawVariables.of(request.variables() == null ? Map.of() : request.variables()),
                    GraphQLContext.getDefault(), Locale.ROOT);
        } catch (RuntimeException e) {
            if (e instanceof GraphQLError) {
                throw InputErrors.variable(e.getMessage(), request.variables());
            }
            throw e;
        }
        NormalizedOperation normalized = OperationNormalizer.normalize(supergraph.apiSchema(), document, operation,
                request.variables(), incremental);
        int depth = depth(normalized.selections());
        if (depth > limits.maxDepth()) {
            throw RequestRejectedException.limit("Operation is " + depth + " levels deep; the limit is "
                    + limits.maxDepth(), "maxDepth");
        }
        List<Selection> allowed = accessPolicy.apply(normalized.rootTypeName(), normalized.selections(),
                context.authenticated(), context.roles());
        allowed = merged.applyInside(supergraph, normalized.rootTypeName(), allowed,
                (type, inner) -> accessPolicy.apply(type, inner, context.authenticated(), context.roles()));
        if (allowed != normalized.selections()) {
            normalized = OperationNormalizer.create(normalized.type(), normalized.name(), allowed,
                    normalized.variableDefinitions());
        }
        LocalIntrospection.Introspected introspected = null;
        if (LocalIntrospection.isUsedBy(normalized.selections())) {
            if (introspection == null) {
                throw RequestRejectedException.badInput("Introspection is disabled");
            }
            introspected = introspection.execute(request);
        }
        MergedRootFields.Rewritten rewritten = merged.rewrite(supergraph, normalized, request.variables());
        return new Prepared(normalized, rewritten.merges(), rewritten.operation(), plan(rewritten.operation()),
                introspected);
    }

    /**
     * A valid operation the supergraph cannot satisfy is a request error (no {@code data}, so 400 for
     * {@code application/graphql-response+json} and 200 for {@code application/json}), never a 500.
     * A planner failure other than {@link PlanningException} is a gateway bug: logged with an id the
     * answer carries, the message stays generic.
     */
    private QueryPlan plan(NormalizedOperation normalized) {
        try {
            if (overrides.any()) {
                ProgressiveOverrides.Variant variant = overrides.variant(overrides.draw());
                return variant.cache().get(normalized, variant.planner()::plan);
            }
            return cache.get(normalized, planner::plan);
        } catch (PlanningException e) {
            throw RequestRejectedException.code("Cannot plan this operation: " + e.getMessage(),
                    GraphQLErrors.QUERY_PLANNING_FAILED);
        } catch (RuntimeException e) {
            String id = UUID.randomUUID().toString();
            LOG.errorf(e, "Planning failed unexpectedly (error id %s) for: %s", id, normalized.canonicalText());
            throw RequestRejectedException.code("Cannot plan this operation (error id " + id + ")",
                    GraphQLErrors.QUERY_PLANNING_FAILED);
        }
    }

    static int depth(List<Selection> selections) {
        int deepest = 0;
        for (Selection selection : selections) {
            if (selection instanceof FieldSelection field) {
                // Introspection fields count too: a deep introspection document costs like any other.
                deepest = Math.max(deepest, 1 + depth(field.selections()));
            } else if (selection instanceof FragmentSelection fragment) {
                deepest = Math.max(deepest, depth(fragment.selections()));
            }
        }
        return deepest;
    }

    /**
     * @param operation what the client asked for (the response's shape); {@code plan} may ask other root fields
     * @param planned what was planned: {@code operation} with merged root fields split per source
     */
    private record Prepared(NormalizedOperation operation, List<MergedRootFields.Merge> merges,
            NormalizedOperation planned, QueryPlan plan, LocalIntrospection.Introspected introspection) {
    }
}
