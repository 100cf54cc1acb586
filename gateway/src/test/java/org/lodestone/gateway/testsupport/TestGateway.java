package org.lodestone.gateway.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.lodestone.gateway.execution.JsonCodec;
import org.lodestone.gateway.execution.PlanExecutor;
import org.lodestone.gateway.execution.VertxSubgraphClient;
import org.lodestone.gateway.execution.VertxSubgraphSubscriptions;
import org.lodestone.gateway.pipeline.MergedRootFields;
import org.lodestone.gateway.pipeline.OperationStream;
import org.lodestone.gateway.pipeline.GraphQLRequest;
import org.lodestone.gateway.pipeline.GraphQLRequestProcessor;
import org.lodestone.gateway.pipeline.GraphQLResponse;
import org.lodestone.gateway.pipeline.RequestContext;
import org.lodestone.gateway.pipeline.RequestLimits;
import org.lodestone.gateway.planning.PlanCache;
import org.lodestone.gateway.planning.QueryPlanner;
import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.supergraph.SupergraphLoader;
import org.lodestone.gateway.telemetry.OperationListener;

/** The gateway pipeline without Quarkus: a supergraph, stub subgraphs on random ports, a real HTTP client. */
public final class TestGateway implements AutoCloseable {

    private static final io.vertx.mutiny.core.Vertx VERTX = io.vertx.mutiny.core.Vertx.vertx();

    private final Map<String, StubSubgraph> stubs = new LinkedHashMap<>();
    private final GraphQLRequestProcessor processor;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /**
     * @param supergraphResource classpath resource of the supergraph
     * @param group folder under {@code subgraphs/} holding each subgraph's SDL and data
     * @param overrides subgraph name to another group folder (for variants)
     */
    public TestGateway(String supergraphResource, String group, Map<String, String> overrides) {
        this("classpath:" + supergraphResource, name -> StubSubgraph.start(overrides.getOrDefault(name, group), name));
    }

    /** @param stubFactory starts the stub for one subgraph name */
    public TestGateway(String supergraphLocation, Function<String, StubSubgraph> stubFactory) {
        this(supergraphLocation, stubFactory, Map.of(), Set.of());
    }

    /** A gateway granting each {@code @policy} named in {@code policyRoles} to callers holding one of its roles. */
    public static TestGateway withPolicies(String supergraphResource, String group,
            Map<String, Set<String>> policyRoles) {
        return new TestGateway("classpath:" + supergraphResource, name -> StubSubgraph.start(group, name), policyRoles,
                Set.of());
    }

    /** A gateway with the progressive override labels {@code enabled} switched on. */
    public static TestGateway withOverrideLabels(String supergraphResource, String group, Set<String> enabled) {
        return new TestGateway("classpath:" + supergraphResource, name -> StubSubgraph.start(group, name), Map.of(),
                enabled);
    }

    /**
     * The committed supergraph over stubs serving each service's committed subgraph SDL with
     * {@code subgraphs/<group>/<name>.json}, with the gateway-declared {@code alerts} field and subscriptions
     * over GraphQL over WebSocket to the stubs.
     */
    public static TestGateway withAlerts(String group) {
        return new TestGateway("classpath:supergraph.graphql", name -> StubSubgraph.start(name,
                committedSdl(name), StubSubgraph.resource("subgraphs/" + group + "/" + name + ".json")), Map.of(),
                Set.of(), MergedRootFields.alerts(Map.of(
                        "exportControlAlerts", List.of("EXPORT_CONTROL_RECORDED", "EXPORT_CONTROL_SUSPENDED",
                                "EXPORT_CONTROL_ENDED", "PRICE_MOVE"),
                        "agreementAlerts", List.of("AGREEMENT_CREATED", "AGREEMENT_UPDATED", "AGREEMENT_STATUS_CHANGED",
                                "PROGRESS_REPORTED", "COMMITMENT_AT_RISK", "COMMITMENT_OVERDUE")), 1000));
    }

    /** A service's committed {@code subgraph.graphql} ({@code country} is {@code country-service}'s). */
    public static String committedSdl(String subgraph) {
        Path file = Path.of("..", subgraph + "-service", "subgraph.graphql");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    private TestGateway(String supergraphLocation, Function<String, StubSubgraph> stubFactory,
            Map<String, Set<String>> policyRoles, Set<String> overrideLabels) {
        this(supergraphLocation, stubFactory, policyRoles, overrideLabels, MergedRootFields.none());
    }

    private TestGateway(String supergraphLocation, Function<String, StubSubgraph> stubFactory,
            Map<String, Set<String>> policyRoles, Set<String> overrideLabels, MergedRootFields merged) {
        Supergraph read = SupergraphLoader.load(supergraphLocation);
        Supergraph loaded = read.withApiSchema(merged.extend(read.apiSchema()));
        Map<String, String> urls = new LinkedHashMap<>();
        for (String name : loaded.subgraphNames()) {
            StubSubgraph stub = stubFactory.apply(name);
            stubs.put(name, stub);
            urls.put(name, stub.url());
        }
        Supergraph supergraph = loaded.withUrls(urls);
        // Below the 5 s a stalled stub waits, above what a cold JVM on a loaded machine needs for a first answer.
        VertxSubgraphClient client = new VertxSubgraphClient(VERTX, new ObjectMapper(), Duration.ofMillis(4000),
                Duration.ofMillis(500), 50, 200, registry);
        processor = new GraphQLRequestProcessor(supergraph, new QueryPlanner(supergraph), new PlanCache(100),
                new PlanExecutor(supergraph, client), new RequestLimits(12, 20, 10000), true, policyRoles,
                overrideLabels, merged, new VertxSubgraphSubscriptions(VERTX.getDelegate(), new ObjectMapper(),
                        Duration.ofMillis(1000)));
    }

    public TestGateway(String supergraphResource, String group) {
        this(supergraphResource, group, Map.of());
    }

    public StubSubgraph stub(String name) {
        return stubs.get(name);
    }

    public GraphQLRequestProcessor processor() {
        return processor;
    }

    public SimpleMeterRegistry registry() {
        return registry;
    }

    public int totalRequests() {
        return stubs.values().stream().mapToInt(StubSubgraph::requestCount).sum();
    }

    public void reset() {
        stubs.values().forEach(StubSubgraph::reset);
    }

    public Map<String, Object> run(String query) {
        return run(query, Map.of(), Set.of("admin"));
    }

    public Map<String, Object> run(String query, Map<String, Object> variables) {
        return run(query, variables, Set.of("admin"));
    }

    public Map<String, Object> run(String query, Map<String, Object> variables, Set<String> roles) {
        return process(query, variables, roles).body();
    }

    /** The whole response, including whether it is a request error (which decides the HTTP status). */
    public GraphQLResponse process(String query) {
        return process(query, Map.of(), Set.of("admin"));
    }

    /** Runs the operation as the streaming transports do: a subscription's results, or a query's one result. */
    public OperationStream stream(String query, Map<String, Object> variables, String authorization) {
        return processor.stream(new GraphQLRequest(query, null, variables, null),
                new RequestContext(authorization, true, Set.of("member"), false, false));
    }

    private GraphQLResponse process(String query, Map<String, Object> variables, Set<String> roles) {
        return processor.process(new GraphQLRequest(query, null, variables, null),
                new RequestContext("Bearer test-token", true, roles, false, true)).await().atMost(Duration.ofSeconds(20));
    }

    /**
     * As {@link #process(String)} on the gateway's direct POST path: an executed operation's body is written to JSON
     * as it is shaped ({@link GraphQLRequestProcessor#processToJson}).
     */
    public GraphQLResponse processToJson(String query, Map<String, Object> variables, Set<String> roles,
            boolean debugPlan) {
        try {
            return processor.processToJson(new GraphQLRequest(query, null, variables, null),
                    new RequestContext("Bearer test-token", true, roles, false, debugPlan), OperationListener.NONE,
                    new JsonCodec(new ObjectMapper()), () -> false).toCompletionStage().toCompletableFuture()
                    .get(20, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole response as {@link #process(String)} answers it (body as a tree). */
    public GraphQLResponse process(String query, Map<String, Object> variables, Set<String> roles, boolean debugPlan) {
        return processor.process(new GraphQLRequest(query, null, variables, null),
                new RequestContext("Bearer test-token", true, roles, false, debugPlan)).await()
                .atMost(Duration.ofSeconds(20));
    }

    @SuppressWarnings("unchecked")
    public static Object at(Map<String, Object> body, Object... path) {
        Object current = body;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else if (current instanceof List<?> list) {
                current = list.get((Integer) step);
            } else {
                return null;
            }
        }
        return current;
    }

    @Override
    public void close() {
        stubs.values().forEach(StubSubgraph::close);
    }
}
