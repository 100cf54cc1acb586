package org.lodestone.gateway.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import org.lodestone.gateway.pipeline.GraphQLErrors;
import org.lodestone.gateway.planning.EntityJump;
import org.lodestone.gateway.planning.Fetch;
import org.lodestone.gateway.planning.QueryPlan;
import org.lodestone.gateway.supergraph.Subgraph;
import org.lodestone.gateway.supergraph.Supergraph;

/**
 * Runs a {@link QueryPlan}: phases in order, levels in order, the fetches of a level in parallel.
 * Each fetch's answer is merged into one response tree; a failing fetch leaves its fields null and
 * adds path-tagged errors, and the rest of the plan still runs. Subgraph answers are never modified: a client may
 * give the same answer to several runs (in-flight deduplication), so the tree copies an object of an answer only when
 * it has to change it ({@link JsonTrees#mergeShared}).
 */
public final class PlanExecutor {

    private static final int MAX_ERRORS_PER_CALL = 100;

    private final Supergraph supergraph;
    private final SubgraphClient client;

    public PlanExecutor(Supergraph supergraph, SubgraphClient client) {
        this.supergraph = supergraph;
        this.client = client;
    }

    /** Runs the whole plan, deferred parts included, and answers once. */
    public Uni<ExecutionResult> execute(QueryPlan plan, Map<String, Object> variables, String authorization) {
        return uni(() -> executeNow(plan, variables, authorization, NOT_CANCELLED));
    }

    /**
     * As {@link #execute}, started at once, on Vert.x futures (no Mutiny step between the stages). Before each stage
     * {@code cancelled} is asked: once it says true (the client went away), no further stage starts and the answer
     * never comes, as when the subscriber of {@link #execute} cancels.
     */
    public Future<ExecutionResult> executeNow(QueryPlan plan, Map<String, Object> variables, String authorization,
            BooleanSupplier cancelled) {
        State state = new State(variables == null ? Map.of() : variables, authorization, cancelled);
        Future<Void> chain = runStages(plan.phases(), state, Integer.MIN_VALUE, Future.succeededFuture());
        for (QueryPlan.DeferredPart part : plan.deferred()) {
            chain = runDeferred(plan, part.id(), state, chain);
        }
        return chain.map(ignored -> new ExecutionResult(state.data, state.errors, state.requests.get()));
    }

    private static final BooleanSupplier NOT_CANCELLED = () -> false;

    /** A Uni that starts {@code work} when subscribed and emits its outcome. */
    private static <T> Uni<T> uni(Supplier<Future<T>> work) {
        return Uni.createFrom().deferred(() -> SubgraphClient.asUni(work.get()));
    }

    /** The stages of {@code phases} above {@code afterLevel}, one after the other, once {@code chain} has completed. */
    private Future<Void> runStages(List<QueryPlan.Phase> phases, State state, int afterLevel, Future<Void> chain) {
        for (QueryPlan.Phase phase : phases) {
            for (QueryPlan.Stage stage : phase.stages()) {
                if (stage.level() > afterLevel) {
                    chain = chain.compose(ignored -> runStage(stage, state));
                }
            }
        }
        return chain;
    }

    /** The stages of deferred fragment {@code id}, once {@code chain} has completed. */
    private Future<Void> runDeferred(QueryPlan plan, int id, State state, Future<Void> chain) {
        for (QueryPlan.DeferredPart part : plan.deferred()) {
            if (part.id() == id) {
                for (QueryPlan.Stage stage : part.stages()) {
                    chain = chain.compose(ignored -> runStage(stage, state));
                }
            }
        }
        return chain;
    }

    /** A plan run in steps (incremental delivery): the initial part first, then each deferred part when asked. */
    public Run start(QueryPlan plan, Map<String, Object> variables, String authorization) {
        return new Run(plan, new State(variables == null ? Map.of() : variables, authorization, NOT_CANCELLED));
    }

    /**
     * One run of a plan, step by step. Steps share one response tree and must not overlap: start the next step
     * when the previous one has completed. Each step's result holds the whole tree so far and the errors that step
     * added.
     */
    public final class Run {
        private final QueryPlan plan;
        private final State state;
        private int reportedErrors;

        private Run(QueryPlan plan, State state) {
            this.plan = plan;
            this.state = state;
        }

        public Uni<ExecutionResult> initial() {
            return uni(() -> runStages(plan.phases(), state, Integer.MIN_VALUE, Future.succeededFuture())
                    .map(ignored -> step()));
        }

        /** The fetches of deferred fragment {@code id} (none when everything it selects came with earlier fetches). */
        public Uni<ExecutionResult> deferred(int id) {
            return uni(() -> runDeferred(plan, id, state, Future.succeededFuture()).map(ignored -> step()));
        }

        private ExecutionResult step() {
            List<Map<String, Object>> added = new ArrayList<>(state.errors.subList(reportedErrors, state.errors.size()));
            reportedErrors = state.errors.size();
            return new ExecutionResult(state.data, added, state.requests.get());
        }
    }

    /**
     * Runs what a subscription event needs: {@code event} is one answer of the root fetch {@code root} (a subgraph
     * subscription's {@code next} payload), merged like a root fetch's answer; then every stage after the root
     * level, where entity calls with no object to resolve from this event send nothing.
     */
    public Uni<ExecutionResult> executeFromRoot(QueryPlan plan, Fetch root, Map<String, Object> event,
            Map<String, Object> variables, String authorization) {
        State state = new State(variables == null ? Map.of() : variables, authorization, NOT_CANCELLED);
        mergeRootAnswer(root, supergraph.subgraph(root.graph()),
                root.usesTypedAliases() ? JsonTrees.renamePrefixed(event, Fetch.TYPED_ALIAS_PREFIX) : event, state);
        return uni(() -> runStages(plan.phases(), state, root.level(), Future.succeededFuture())
                .map(ignored -> new ExecutionResult(state.data, state.errors, state.requests.get())));
    }

    private Future<Void> runStage(QueryPlan.Stage stage, State state) {
        if (state.cancelled.getAsBoolean()) {
            // Nobody waits for the answer any more: nothing further is sent, and nothing completes.
            return Promise.<Void>promise().future();
        }
        List<Future<Consumer<State>>> fetches = new ArrayList<>();
        for (Fetch fetch : stage.fetches()) {
            Future<Consumer<State>> run = fetch.isRoot() ? rootFetch(fetch, state) : entityFetch(fetch, state);
            if (run != null) {
                fetches.add(run);
            }
        }
        if (fetches.isEmpty()) {
            return Future.succeededFuture();
        }
        if (fetches.size() == 1) {
            return fetches.get(0).map(merge -> {
                merge.accept(state);
                return null;
            });
        }
        // Fetches run concurrently; their results are merged afterwards, one at a time, in plan order.
        return Future.all(fetches).map(all -> {
            for (int i = 0; i < fetches.size(); i++) {
                all.<Consumer<State>>resultAt(i).accept(state);
            }
            return null;
        });
    }

    private Future<Consumer<State>> rootFetch(Fetch fetch, State state) {
        Subgraph subgraph = supergraph.subgraph(fetch.graph());
        return send(subgraph, fetch, variablesFor(fetch, state), state).transform(outcome -> {
            if (outcome.succeeded()) {
                Map<String, Object> response = outcome.result();
                return Future.succeededFuture(s -> mergeRootAnswer(fetch, subgraph, response, s));
            }
            Throwable failure = outcome.cause();
            return Future.succeededFuture(s -> {
                for (String key : fetch.rootKeys()) {
                    s.data.putIfAbsent(key, null);
                    s.errors.add(withService(GraphQLErrors.error(failure.getMessage(), List.of(key),
                            GraphQLErrors.SUBGRAPH_UNAVAILABLE), subgraph));
                }
            });
        });
    }

    private static void mergeRootAnswer(Fetch fetch, Subgraph subgraph, Map<String, Object> response, State s) {
        Object data = response.get("data");
        if (data instanceof Map<?, ?> map) {
            JsonTrees.mergeShared(s.data, cast(map), null);
        }
        for (String key : fetch.rootKeys()) {
            s.data.putIfAbsent(key, null);
        }
        for (Map<String, Object> error : errorsOf(response)) {
            Map<String, Object> copy = new LinkedHashMap<>(error);
            if (!(copy.get("path") instanceof List<?>) && !fetch.rootKeys().isEmpty()) {
                copy.put("path", List.of(fetch.rootKeys().get(0)));
            }
            s.errors.add(withService(copy, subgraph));
        }
    }

    private Future<Consumer<State>> entityFetch(Fetch fetch, State state) {
        if (fetch.jumps().size() == 1 && !fetch.jumps().get(0).contexts().isEmpty()) {
            return contextualFetch(fetch, state);
        }
        Map<String, Object> variables = variablesFor(fetch, state);
        List<JumpTargets> prepared = new ArrayList<>();
        int representationCount = 0;
        for (EntityJump jump : fetch.jumps()) {
            JumpTargets targets = JumpTargets.collect(supergraph, jump, state.data);
            prepared.add(targets);
            variables.put(jump.variable(), targets.representations);
            representationCount += targets.representations.size();
        }
        if (representationCount == 0) {
            // Nothing reached these types (empty lists, nulls, failed parents): no request at all.
            return null;
        }
        return entityRequest(fetch, variables, prepared, state);
    }

    /**
     * A call passing {@code @fromContext} arguments: one request per distinct set of context values (the same
     * document, other variables), sent together; their answers merge in the order the objects were reached.
     */
    private Future<Consumer<State>> contextualFetch(Fetch fetch, State state) {
        EntityJump jump = fetch.jumps().get(0);
        List<Future<Consumer<State>>> requests = new ArrayList<>();
        JumpTargets.collectByContext(supergraph, jump, state.data).forEach((contextValues, targets) -> {
            if (targets.representations.isEmpty()) {
                return;
            }
            Map<String, Object> variables = variablesFor(fetch, state);
            variables.put(jump.variable(), targets.representations);
            variables.putAll(contextValues);
            requests.add(entityRequest(fetch, variables, List.of(targets), state));
        });
        if (requests.isEmpty()) {
            return null;
        }
        return Future.all(requests).map(all -> s -> {
            for (int i = 0; i < requests.size(); i++) {
                all.<Consumer<State>>resultAt(i).accept(s);
            }
        });
    }

    private Future<Consumer<State>> entityRequest(Fetch fetch, Map<String, Object> variables, List<JumpTargets> prepared,
            State state) {
        Subgraph subgraph = supergraph.subgraph(fetch.graph());
        return send(subgraph, fetch, variables, state).transform(outcome -> Future.succeededFuture(outcome.succeeded()
                ? entityMerge(outcome.result(), prepared, subgraph)
                : entityFailure(outcome.cause(), prepared, subgraph)));
    }

    private static Consumer<State> entityMerge(Map<String, Object> response, List<JumpTargets> prepared,
            Subgraph subgraph) {
        return s -> {
            Map<String, Object> data = response.get("data") instanceof Map<?, ?> map ? cast(map) : Map.of();
            for (JumpTargets targets : prepared) {
                Object entities = data.get(targets.jump.alias());
                List<?> list = entities instanceof List<?> l ? l : List.of();
                for (int i = 0; i < targets.byRepresentation.size(); i++) {
                    Object entity = i < list.size() ? list.get(i) : null;
                    List<JumpTargets.Target> sameEntity = targets.byRepresentation.get(i);
                    for (int t = 0; t < sameEntity.size(); t++) {
                        JumpTargets.Target target = sameEntity.get(t);
                        if (entity instanceof Map<?, ?> map) {
                            // The answer may be shared with other runs (and several objects here may be the same
                            // entity): merged without changing it.
                            // An @interfaceObject subgraph answers with the interface name; keep the concrete one.
                            boolean keepTypename = targets.jump.typeName().equals(map.get("__typename"))
                                    && target.object().get("__typename") != null;
                            JsonTrees.mergeShared(target.object(), cast(map), keepTypename ? "__typename" : null);
                        }
                        targets.jump.fieldKeys().forEach(k -> target.object().putIfAbsent(k, null));
                    }
                }
            }
            for (Map<String, Object> error : errorsOf(response)) {
                s.errors.add(withService(rewriteEntityErrorPath(error, prepared), subgraph));
            }
        };
    }

    private static Consumer<State> entityFailure(Throwable failure, List<JumpTargets> prepared, Subgraph subgraph) {
        return s -> {
            for (JumpTargets targets : prepared) {
                int reported = 0;
                for (List<JumpTargets.Target> sameRepresentation : targets.byRepresentation) {
                    for (JumpTargets.Target target : sameRepresentation) {
                        targets.jump.fieldKeys().forEach(k -> target.object().putIfAbsent(k, null));
                        // One error per affected object, bounded so a long list does not flood the response.
                        if (reported++ < MAX_ERRORS_PER_CALL) {
                            List<Object> path = new ArrayList<>(target.path());
                            path.add(targets.jump.fieldKeys().get(0));
                            s.errors.add(withService(GraphQLErrors.error(failure.getMessage(), path,
                                    GraphQLErrors.SUBGRAPH_UNAVAILABLE), subgraph));
                        }
                    }
                }
            }
        };
    }

    private Future<Map<String, Object>> send(Subgraph subgraph, Fetch fetch, Map<String, Object> variables,
            State state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", fetch.operation());
        if (!variables.isEmpty()) {
            body.put("variables", variables);
        }
        state.requests.incrementAndGet();
        Future<Map<String, Object>> answer;
        try {
            answer = client.call(subgraph, body, state.authorization);
        } catch (RuntimeException e) {
            answer = Future.failedFuture(e);
        }
        return fetch.usesTypedAliases()
                ? answer.map(response -> JsonTrees.renamePrefixed(response, Fetch.TYPED_ALIAS_PREFIX))
                : answer;
    }

    private static Map<String, Object> variablesFor(Fetch fetch, State state) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String name : fetch.variables()) {
            if (state.variables.containsKey(name)) {
                variables.put(name, state.variables.get(name));
            }
        }
        return variables;
    }

    /** Subgraph error paths start at {@code _entities[i]}; clients need the path of the object that asked. */
    private static Map<String, Object> rewriteEntityErrorPath(Map<String, Object> error, List<JumpTargets> prepared) {
        Map<String, Object> copy = new LinkedHashMap<>(error);
        List<?> path = error.get("path") instanceof List<?> p ? p : List.of();
        for (JumpTargets targets : prepared) {
            if (path.size() >= 2 && targets.jump.alias().equals(path.get(0)) && path.get(1) instanceof Number index
                    && index.intValue() < targets.byRepresentation.size()) {
                List<Object> rewritten = new ArrayList<>(targets.byRepresentation.get(index.intValue()).get(0).path());
                rewritten.addAll(path.subList(2, path.size()));
                copy.put("path", rewritten);
                return copy;
            }
        }
        // No usable path: point at the first object this fetch was for.
        for (JumpTargets targets : prepared) {
            if (!targets.byRepresentation.isEmpty()) {
                List<Object> fallback = new ArrayList<>(targets.byRepresentation.get(0).get(0).path());
                fallback.add(targets.jump.fieldKeys().get(0));
                copy.put("path", fallback);
                break;
            }
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errorsOf(Map<String, Object> response) {
        Object errors = response.get("errors");
        if (!(errors instanceof List<?> list)) {
            return List.of();
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object error : list) {
            if (error instanceof Map<?, ?> map) {
                result.add((Map<String, Object>) map);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withService(Map<String, Object> error, Subgraph subgraph) {
        Map<String, Object> copy = new LinkedHashMap<>(error);
        Map<String, Object> extensions = copy.get("extensions") instanceof Map<?, ?> map
                ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
        extensions.put("serviceName", subgraph.name());
        // A code outside the stable set (one a subgraph derived from an exception class, say) says nothing a client
        // can rely on and may name internals: it is a subgraph bug as far as the client is concerned.
        if (extensions.get("code") instanceof String code && !GraphQLErrors.CODES.contains(code)) {
            extensions.put("code", GraphQLErrors.INTERNAL);
        }
        copy.put("extensions", extensions);
        // Subgraph locations refer to the subgraph document, not the client's: meaningless here.
        copy.remove("locations");
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static final class State {
        /** The run's own at the root; subgraph answers in it are read-only (see {@link JsonTrees}). */
        final Map<String, Object> data = new JsonTrees.OwnedMap();
        final List<Map<String, Object>> errors = new ArrayList<>();
        final Map<String, Object> variables;
        final String authorization;
        final AtomicInteger requests = new AtomicInteger();
        final BooleanSupplier cancelled;

        State(Map<String, Object> variables, String authorization, BooleanSupplier cancelled) {
            this.variables = variables;
            this.authorization = authorization;
            this.cancelled = cancelled;
        }
    }
}
