package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;

import org.junit.jupiter.api.Test;

import org.lodestone.gateway.planning.QueryPlan;
import org.lodestone.gateway.supergraph.Subgraph;
import org.lodestone.gateway.supergraph.Supergraph;
import org.lodestone.gateway.testsupport.Supergraphs;

/**
 * Plan runs that are handed the very same subgraph answers (as in-flight deduplication does): every run gets its own
 * complete response, and no run's merging shows in an answer or in another run's response.
 */
class SharedAnswersTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Gallium is reached three times (two agreements, and a commitment of the first), so one entity answer goes to
     * several objects, and the leader's name is merged below it one level further down.
     */
    private static final String QUERY = """
            { agreements { id minerals { id name concentration { hhi leader { code name } } }
                commitments { id mineral { id symbol } } } }
            """;

    private final Supergraph supergraph = Supergraphs.coalition();
    private final QueryPlan plan = Supergraphs.plan(supergraph, QUERY);
    private final SharingClient client = new SharingClient();
    private final PlanExecutor executor = new PlanExecutor(supergraph, client);

    @Test
    void runsSharingAnswersNeitherChangeThemNorSeeEachOther() throws Exception {
        Map<String, Object> alice = run("Bearer alice");
        Map<String, Object> bob = run("Bearer bob");
        Map<String, Object> aliceAgain = run("Bearer alice");

        // The agreements answer went to every run, the minerals and countries answers to both of alice's runs.
        assertEquals(3, client.handedOut("agreements"), plan.toString());
        assertTrue(client.sharedCalls() >= 2, "some answers went to more than one run");

        // Everything merged into alice's response: gallium complete wherever it was reached.
        Map<String, Object> first = agreement(alice, 0);
        Map<String, Object> gallium = item(first, "minerals", 0);
        assertEquals("Gallium", gallium.get("name"));
        assertEquals(Map.of("code", "CN", "name", "China", "__typename", "Country"),
                ((Map<?, ?>) gallium.get("concentration")).get("leader"));
        Map<String, Object> galliumAgain = item(agreement(alice, 1), "minerals", 0);
        assertEquals(gallium, galliumAgain);
        assertEquals("Ga", ((Map<?, ?>) item(first, "commitments", 0).get("mineral")).get("symbol"));

        // Bob's minerals answer resolves no gallium: nothing of alice's reached his response through the shared
        // agreements answer.
        Map<String, Object> bobsGallium = item(agreement(bob, 0), "minerals", 0);
        assertTrue(bobsGallium.containsKey("name"));
        assertNull(bobsGallium.get("name"), "bob's minerals subgraph resolved no gallium");
        assertNull(bobsGallium.get("concentration"));
        assertNull(((Map<?, ?>) item(agreement(bob, 0), "commitments", 0).get("mineral")).get("symbol"));
        assertEquals("Germanium", item(agreement(bob, 0), "minerals", 1).get("name"));

        // A run after the others gets what the first got, and every answer is as the subgraph sent it.
        assertEquals(MAPPER.writeValueAsString(alice), MAPPER.writeValueAsString(aliceAgain));
        client.assertAnswersUnchanged();
    }

    @Test
    void objectsOfOneSharedEntityAnswerAreChangedApartInOneRun() throws Exception {
        Map<String, Object> alice = run("Bearer alice");

        // Both agreements' gallium came from one entity answer; merging the leader's name below one of them made
        // copies for the response, not changes to the answer, and both objects got it.
        Map<?, ?> leader0 = (Map<?, ?>) ((Map<?, ?>) item(agreement(alice, 0), "minerals", 0).get("concentration"))
                .get("leader");
        Map<?, ?> leader1 = (Map<?, ?>) ((Map<?, ?>) item(agreement(alice, 1), "minerals", 0).get("concentration"))
                .get("leader");
        assertEquals("China", leader0.get("name"));
        assertEquals("China", leader1.get("name"));
        client.assertAnswersUnchanged();
    }

    private Map<String, Object> run(String authorization) {
        ExecutionResult result = executor.execute(plan, Map.of(), authorization).await()
                .atMost(Duration.ofSeconds(10));
        assertEquals(List.of(), result.errors());
        return result.data();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> agreement(Map<String, Object> data, int index) {
        return (Map<String, Object>) ((List<?>) data.get("agreements")).get(index);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Map<String, Object> object, String key, int index) {
        return (Map<String, Object>) ((List<?>) object.get(key)).get(index);
    }

    /**
     * Answers like the coalition subgraphs would, handing out one tree per distinct request (the agreements
     * subgraph's answer is the same for every caller, so it is one tree for all), as the deduplicating client does
     * for callers in flight together; it remembers the JSON of every tree it handed out.
     */
    private static final class SharingClient implements SubgraphClient {
        private final Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        private final Map<String, String> asSent = new LinkedHashMap<>();
        private final Map<String, Integer> handedOut = new LinkedHashMap<>();
        private int sharedCalls;

        @Override
        public Uni<Map<String, Object>> send(Subgraph subgraph, Map<String, Object> body, String authorization) {
            try {
                String visibility = subgraph.name().equals("agreements") ? "everyone" : authorization;
                String key = subgraph.name() + " " + visibility + " " + MAPPER.writeValueAsString(body);
                Map<String, Object> answer = answers.get(key);
                if (answer == null) {
                    answer = answer(subgraph.name(), body, "Bearer bob".equals(authorization));
                    answers.put(key, answer);
                    asSent.put(key, MAPPER.writeValueAsString(answer));
                } else {
                    sharedCalls++;
                }
                handedOut.merge(subgraph.name(), 1, Integer::sum);
                return Uni.createFrom().item(answer);
            } catch (Exception e) {
                return Uni.createFrom().failure(e);
            }
        }

        int handedOut(String subgraph) {
            return handedOut.getOrDefault(subgraph, 0);
        }

        int sharedCalls() {
            return sharedCalls;
        }

        void assertAnswersUnchanged() throws Exception {
            for (Map.Entry<String, Map<String, Object>> answer : answers.entrySet()) {
                assertEquals(asSent.get(answer.getKey()), MAPPER.writeValueAsString(answer.getValue()),
                        "answer to " + answer.getKey());
            }
        }

        private static Map<String, Object> answer(String subgraph, Map<String, Object> body, boolean bob)
                throws Exception {
            if (subgraph.equals("agreements")) {
                return json("""
                        {"data":{"agreements":[
                          {"id":"a1","minerals":[{"__typename":"Mineral","id":"gallium"},
                                                 {"__typename":"Mineral","id":"germanium"}],
                           "commitments":[{"id":"c1","mineral":{"__typename":"Mineral","id":"gallium"}}]},
                          {"id":"a2","minerals":[{"__typename":"Mineral","id":"gallium"}],"commitments":[]}]}}
                        """);
            }
            Map<String, Object> data = new LinkedHashMap<>();
            Map<?, ?> variables = (Map<?, ?>) body.get("variables");
            for (Map.Entry<?, ?> variable : variables.entrySet()) {
                String name = String.valueOf(variable.getKey());
                String alias = name.equals("representations") ? "_entities" : "_" + name.substring(15);
                List<Object> entities = new ArrayList<>();
                for (Object representation : (List<?>) variable.getValue()) {
                    entities.add(entity(subgraph, (Map<?, ?>) representation, bob));
                }
                data.put(alias, entities);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("data", data);
            return answer;
        }

        private static Object entity(String subgraph, Map<?, ?> representation, boolean bob) throws Exception {
            if (subgraph.equals("countries")) {
                return json("{\"__typename\":\"Country\",\"name\":\"China\"}");
            }
            if (representation.get("id").equals("gallium")) {
                return bob ? null : json("""
                        {"__typename":"Mineral","name":"Gallium","symbol":"Ga",
                         "concentration":{"hhi":0.9,"leader":{"__typename":"Country","code":"CN"}}}
                        """);
            }
            return json("""
                    {"__typename":"Mineral","name":"Germanium","symbol":"Ge",
                     "concentration":{"hhi":0.5,"leader":{"__typename":"Country","code":"CN"}}}
                    """);
        }

        private static Map<String, Object> json(String text) throws Exception {
            return MAPPER.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        }
    }
}
