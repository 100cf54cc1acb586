package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServer;
import io.vertx.mutiny.core.Vertx;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.supergraph.Subgraph;

/**
 * In-flight deduplication in the subgraph client, against a real HTTP server that holds every request for a while
 * and echoes the Authorization header it received: identical concurrent requests share one call, requests that
 * differ in token or body never do, and nothing is kept once a call has completed.
 */
class InflightDeduplicationTest {

    private static final long HOLD_MILLIS = 300;
    private static final Vertx VERTX = Vertx.vertx();
    private static final AtomicInteger RECEIVED = new AtomicInteger();
    private static final List<String> TOKENS_RECEIVED = new CopyOnWriteArrayList<>();
    private static volatile int status = 200;
    private static HttpServer server;
    private static Subgraph subgraph;

    private final VertxSubgraphClient client = new VertxSubgraphClient(VERTX, new ObjectMapper(), Duration.ofSeconds(5),
            Duration.ofSeconds(1), null);

    @BeforeAll
    static void startServer() throws Exception {
        server = VERTX.getDelegate().createHttpServer().requestHandler(request -> request.body(ignored -> {
            int sequence = RECEIVED.incrementAndGet();
            String authorization = request.getHeader("Authorization");
            TOKENS_RECEIVED.add(String.valueOf(authorization));
            VERTX.getDelegate().setTimer(HOLD_MILLIS, timer -> request.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(status == 200
                            ? "{\"data\":{\"caller\":\"" + authorization + "\",\"sequence\":" + sequence + "}}"
                            : "oops"));
        })).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        subgraph = new Subgraph("COUNTRIES", "countries", "http://localhost:" + server.actualPort() + "/graphql");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void reset() {
        RECEIVED.set(0);
        TOKENS_RECEIVED.clear();
        status = 200;
    }

    @Test
    void identicalRequestsInFlightTogetherShareOneCall() {
        List<Map<String, Object>> answers = sendTogether(5, i -> "Bearer alice", i -> body("{ countries { code } }"));

        assertEquals(1, RECEIVED.get(), "one upstream call for five identical concurrent requests");
        assertEquals(1, client.inflight().started());
        assertEquals(4, client.inflight().joined());
        for (Map<String, Object> answer : answers) {
            assertEquals(Map.of("caller", "Bearer alice", "sequence", 1), answer.get("data"));
        }
        // One parse for all: callers only read the answer (SharedAnswersTest: the plan executor never changes it).
        for (Map<String, Object> answer : answers) {
            assertSame(answers.get(0), answer);
        }
        assertEquals(0, client.inflight().size(), "nothing kept once the call completed");
    }

    @Test
    void switchedOffEveryRequestIsSent() {
        VertxSubgraphClient plain = new VertxSubgraphClient(VERTX, new ObjectMapper(), Duration.ofSeconds(5),
                Duration.ofSeconds(1), null, false);
        List<Uni<Map<String, Object>>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(plain.send(subgraph, body("{ countries { code } }"), "Bearer alice"));
        }
        Uni.join().all(calls).andFailFast().await().atMost(Duration.ofSeconds(10));

        assertEquals(3, RECEIVED.get());
    }

    @Test
    void requestsWithDifferentTokensNeverShare() {
        List<Map<String, Object>> answers = sendTogether(4, i -> i % 2 == 0 ? "Bearer alice" : "Bearer bob",
                i -> body("{ countries { code } }"));

        assertEquals(2, RECEIVED.get(), "one call per token");
        assertTrue(TOKENS_RECEIVED.containsAll(List.of("Bearer alice", "Bearer bob")));
        for (int i = 0; i < answers.size(); i++) {
            Map<?, ?> data = (Map<?, ?>) answers.get(i).get("data");
            assertEquals(i % 2 == 0 ? "Bearer alice" : "Bearer bob", data.get("caller"),
                    "every caller gets the answer made for its own token");
        }
    }

    @Test
    void aMissingAuthorizationIsItsOwnCaller() {
        sendTogether(2, i -> i == 0 ? null : "Bearer alice", i -> body("{ countries { code } }"));

        assertEquals(2, RECEIVED.get());
    }

    @Test
    void requestsWithDifferentBodiesDoNotShare() {
        sendTogether(3, i -> "Bearer alice", i -> body(i == 0 ? "{ countries { code } }" : "{ countries { name } }"));

        assertEquals(2, RECEIVED.get(), "two distinct bodies, two calls; the two identical ones shared");
    }

    @Test
    void bodiesAreComparedAsJsonTreesValueByValue() {
        // Each caller builds its own tree; equal trees share, a different representation or a number of another
        // type (written the same, but not the same value to the caller) does not.
        sendTogether(5, i -> "Bearer alice", i -> entityBody(switch (i) {
            case 0, 1 -> "gallium";
            case 2 -> "germanium";
            default -> i == 3 ? (Object) 1 : (Object) 1L;
        }));

        assertEquals(4, RECEIVED.get(), "the two gallium requests shared one call");
        assertEquals(1, client.inflight().joined());
    }

    @Test
    void aCompletedCallIsNotReused() {
        Map<String, Object> first = send("Bearer alice", body("{ countries { code } }"));
        Map<String, Object> second = send("Bearer alice", body("{ countries { code } }"));

        assertEquals(2, RECEIVED.get(), "deduplication is for concurrent requests only, not a cache");
        assertEquals(1, ((Map<?, ?>) first.get("data")).get("sequence"));
        assertEquals(2, ((Map<?, ?>) second.get("data")).get("sequence"));
    }

    @Test
    void aSharedFailureReachesEveryCallerAndIsNotKept() {
        status = 500;
        List<Uni<Map<String, Object>>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(client.send(subgraph, body("{ countries { code } }"), "Bearer alice"));
        }
        List<Object> outcomes = Uni.join().all(calls.stream()
                .map(call -> call.<Object>map(answer -> answer).onFailure().recoverWithItem(failure -> failure))
                .toList()).andFailFast().await().atMost(Duration.ofSeconds(10));

        assertEquals(1, RECEIVED.get());
        outcomes.forEach(outcome -> assertInstanceOf(SubgraphUnavailableException.class, outcome));

        status = 200;
        send("Bearer alice", body("{ countries { code } }"));
        assertEquals(2, RECEIVED.get(), "the failed call was forgotten");
    }

    private List<Map<String, Object>> sendTogether(int count, java.util.function.IntFunction<String> token,
            java.util.function.IntFunction<Map<String, Object>> body) {
        List<Uni<Map<String, Object>>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(client.send(subgraph, body.apply(i), token.apply(i)));
        }
        return Uni.join().all(calls).andFailFast().await().atMost(Duration.ofSeconds(10));
    }

    private Map<String, Object> send(String token, Map<String, Object> body) {
        return client.send(subgraph, body, token).await().atMost(Duration.ofSeconds(10));
    }

    private static Map<String, Object> body(String query) {
        return Map.of("query", query);
    }

    private static Map<String, Object> entityBody(Object id) {
        Map<String, Object> representation = new java.util.LinkedHashMap<>();
        representation.put("__typename", "Mineral");
        representation.put("id", id);
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        variables.put("representations", new ArrayList<>(List.of(representation)));
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("query", "query($representations:[_Any!]!){_entities(representations:$representations){...on Mineral{name}}}");
        body.put("variables", variables);
        return body;
    }
}
