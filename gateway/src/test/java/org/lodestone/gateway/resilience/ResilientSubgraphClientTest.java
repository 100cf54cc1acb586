package org.lodestone.gateway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.execution.SubgraphUnavailableException;
import org.lodestone.gateway.execution.VertxSubgraphClient;
import org.lodestone.gateway.supergraph.Subgraph;
import org.lodestone.gateway.testsupport.StubSubgraph;

/** The resilient client over real HTTP to a stub subgraph that can be told to fail, stall or go away. */
class ResilientSubgraphClientTest {

    private static final io.vertx.mutiny.core.Vertx VERTX = io.vertx.mutiny.core.Vertx.vertx();
    private static final Map<String, Object> QUERY = Map.of("query", "query { agreements { id } }");
    private static final Map<String, Object> MUTATION = Map.of("query",
            "mutation { createAgreement(title: \"Stockpile pact\") { id } }");

    private final StubSubgraph stub = StubSubgraph.start("coalition", "agreements");
    private final Subgraph subgraph = new Subgraph("AGREEMENTS", "agreements", stub.url());

    @AfterEach
    void close() {
        stub.close();
    }

    @Test
    void aFailedQueryIsSentOnceMoreButAFailedMutationNever() {
        ResilientSubgraphClient client = client(100, Duration.ofSeconds(2), 1, 50, 100);
        stub.mode(StubSubgraph.Mode.FAIL_500);

        assertInstanceOf(SubgraphUnavailableException.class, failureOf(client, QUERY));
        assertEquals(2, stub.requestCount(), "the query and one retry");

        stub.reset();
        stub.mode(StubSubgraph.Mode.FAIL_500);
        assertInstanceOf(SubgraphUnavailableException.class, failureOf(client, MUTATION));
        assertEquals(1, stub.requestCount(), "a mutation is never repeated");

        stub.reset();
        assertTrue(client.send(subgraph, QUERY, null).await().atMost(Duration.ofSeconds(5)).containsKey("data"));
    }

    @Test
    void aFailingSubgraphIsFailedFastUntilAProbeFindsItBack() throws InterruptedException {
        ResilientSubgraphClient client = client(3, Duration.ofMillis(400), 0, 50, 100);
        stub.mode(StubSubgraph.Mode.FAIL_500);
        for (int i = 0; i < 3; i++) {
            failureOf(client, QUERY);
        }
        assertEquals(3, stub.requestCount());
        assertEquals(CircuitBreaker.State.OPEN, client.breaker("agreements").state());

        Throwable fast = failureOf(client, QUERY);
        assertTrue(fast.getMessage().contains("holds new ones back"), fast.getMessage());
        assertEquals(3, stub.requestCount(), "an open circuit does not send");

        stub.mode(StubSubgraph.Mode.NORMAL);
        Thread.sleep(450);
        assertTrue(client.send(subgraph, QUERY, null).await().atMost(Duration.ofSeconds(5)).containsKey("data"),
                "the probe");
        assertEquals(CircuitBreaker.State.CLOSED, client.breaker("agreements").state());
        assertEquals(4, stub.requestCount());
    }

    @Test
    void aSubgraphThatIsGoneCostsNoConnectAttemptsOnceTheCircuitIsOpen() {
        ResilientSubgraphClient client = client(2, Duration.ofSeconds(30), 0, 50, 100);
        stub.close();
        failureOf(client, QUERY);
        failureOf(client, QUERY);
        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertInstanceOf(SubgraphUnavailableException.class, failureOf(client, QUERY));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 500, "100 requests refused in " + millis + " ms");
    }

    @Test
    void requestsBeyondThePoolAndItsQueueFailAtOnce() {
        ResilientSubgraphClient client = client(1000, Duration.ofSeconds(2), 0, 1, 1);
        // open the one connection first: a request waiting for a connection still being set up counts as queued
        assertTrue(client.send(subgraph, QUERY, null).await().atMost(Duration.ofSeconds(5)).containsKey("data"));
        stub.mode(StubSubgraph.Mode.STALL);
        long started = System.nanoTime();
        List<CompletableFuture<String>> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // each outcome with the milliseconds it took
            sent.add(client.send(subgraph, QUERY, null).onItem().transform(ok -> "answered")
                    .onFailure().recoverWithItem(Throwable::getMessage)
                    .map(outcome -> outcome + " after " + (System.nanoTime() - started) / 1_000_000 + " ms")
                    .subscribeAsCompletionStage());
        }
        List<String> outcomes = sent.stream().map(f -> f.orTimeout(15, TimeUnit.SECONDS).join()).toList();
        // one request on the connection and one waiting for it; the stub holds them for 5 s
        List<String> refused = outcomes.stream().filter(o -> o.contains("too many requests waiting")).toList();
        assertEquals(4, refused.size(), outcomes.toString());
        assertTrue(refused.stream().allMatch(o -> millis(o) < 2000), "refused without waiting: " + outcomes);
    }

    private static long millis(String outcome) {
        return Long.parseLong(outcome.replaceAll(".* after (\\d+) ms$", "$1"));
    }

    private ResilientSubgraphClient client(int threshold, Duration openFor, int retries, int connections, int queued) {
        // identical requests would otherwise share one upstream call; every request here must reach the pool
        VertxSubgraphClient http = new VertxSubgraphClient(VERTX, new ObjectMapper(), Duration.ofSeconds(3),
                Duration.ofMillis(500), connections, queued, null, null, false);
        return new ResilientSubgraphClient(http, new ResilientSubgraphClient.Policy(threshold, openFor, retries,
                Duration.ofMillis(20)));
    }

    private Throwable failureOf(ResilientSubgraphClient client, Map<String, Object> body) {
        return client.send(subgraph, body, null).onItem().transform(ok -> (Throwable) null)
                .onFailure().recoverWithItem(failure -> failure).await().atMost(Duration.ofSeconds(5));
    }
}
