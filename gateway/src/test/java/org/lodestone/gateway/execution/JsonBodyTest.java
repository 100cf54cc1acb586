package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.pipeline.GraphQLResponse;
import org.lodestone.gateway.testsupport.StubSubgraph;
import org.lodestone.gateway.testsupport.TestGateway;

/**
 * The direct POST path writes an executed operation's body to JSON while it shapes it
 * ({@code GraphQLRequestProcessor.processToJson}); these answers must be byte for byte what the tree path gives once
 * written ({@link JsonCodec#write} of {@code process}'s body). Each case runs both paths on the same stub subgraphs.
 */
class JsonBodyTest {

    private static final JsonCodec CODEC = new JsonCodec(new ObjectMapper());
    private static final Set<String> ADMIN = Set.of("admin");

    private static TestGateway coalition;
    private static TestGateway nullability;
    private static TestGateway policy;
    private static TestGateway inaccessible;

    @BeforeAll
    static void start() {
        coalition = new TestGateway("supergraphs/coalition.graphql", "coalition");
        nullability = new TestGateway("supergraphs/nullability.graphql", "nullability");
        policy = TestGateway.withPolicies("supergraphs/policy.graphql", "policy",
                Map.of("internal_reader", Set.of("analyst"), "auditor", Set.of("admin")));
        inaccessible = new TestGateway("supergraphs/inaccessible.graphql", "inaccessible");
    }

    @AfterAll
    static void stop() {
        coalition.close();
        nullability.close();
        policy.close();
        inaccessible.close();
    }

    @BeforeEach
    void reset() {
        coalition.reset();
    }

    @Test
    void listsOfEntitiesAcrossSubgraphs() {
        String body = writtenAsShaped(coalition, """
                { countries(coalitionOnly: true) { code name dependencies { indicator value mineral { id name } }
                  agreements { title parties { code name } commitments { id obligor { code name } }
                    minerals { id concentration(stage: REFINING) { hhi chinaSharePct } } } } }
                """, Map.of(), ADMIN);
        assertTrue(body.startsWith("{\"data\":{\"countries\":[{"), body);
    }

    @Test
    void aliasesTypenameAndTheDebugPlanExtensions() {
        writtenAsShaped(coalition, "{ first: country(code: \"JP\") { label: name __typename id: code agreements { title } } }",
                Map.of(), ADMIN);
        String body = writtenAsShaped(coalition, "{ __typename country(code: \"JP\") { __typename name } }", Map.of(),
                ADMIN);
        assertEquals("{\"data\":{\"__typename\":\"Query\",\"country\":{\"__typename\":\"Country\",\"name\":\"Japan\"}}}",
                body);
    }

    @Test
    void variablesFragmentsSkipAndInclude() {
        writtenAsShaped(coalition, """
                query Dossier($code: ID!, $withMinerals: Boolean!, $lean: Boolean!) {
                  __typename
                  country(code: $code) { ...CountryNames agreements { ... on Agreement { title } minerals @include(if: $withMinerals) { name } } }
                }
                fragment CountryNames on Country { name groups @skip(if: $lean) }
                """, Map.of("code", "DE", "withMinerals", true, "lean", false), ADMIN);
        writtenAsShaped(coalition, """
                query ($on: Date, $status: AgreementStatus) {
                  exportControls(activeOn: $on) { id announcedOn imposingCountry { name } }
                  agreements(status: $status) { status }
                }
                """, Map.of("on", "2025-01-01", "status", "IN_FORCE"), ADMIN);
    }

    @Test
    void nullsAndErrorsWithPathsWhenASubgraphFails() {
        coalition.stub("minerals").mode(StubSubgraph.Mode.FAIL_500);
        String body = writtenAsShaped(coalition, """
                { country(code: "JP") { name } mineral(id: "lithium") { name }
                  agreement(id: "a1") { title minerals { id concentration { hhi } } } }
                """, Map.of(), ADMIN);
        assertTrue(body.startsWith("{\"errors\":[{\"message\":"), body);
        assertTrue(body.contains("\"mineral\":null"), body);
    }

    @Test
    void subgraphErrorsWithRewrittenPaths() {
        coalition.stub("agreements").failWith(Map.of("message", "Agreement is not visible to the caller \u00e9\u2713",
                "path", List.of("_entities", 0, "agreements"), "extensions", Map.of("code", "FORBIDDEN")));
        writtenAsShaped(coalition, "{ countries { code agreements { id } } }", Map.of(), ADMIN);
    }

    @Test
    void aNullInANonNullFieldMakesTheParentNullAsInTheTree() {
        coalition.stub("agreements").mode(StubSubgraph.Mode.FAIL_500);
        String query = "{ country(code: \"US\") { name agreements { title } } }";
        GraphQLResponse json = coalition.processToJson(query, Map.of(), ADMIN, true);
        // Shaped as a tree (the parent is already written when the null is found), answered all the same.
        assertNull(json.json());
        assertEquals(new String(CODEC.write(coalition.process(query, Map.of(), ADMIN, true).body()),
                StandardCharsets.UTF_8), new String(CODEC.write(json.body()), StandardCharsets.UTF_8));
        assertNull(TestGateway.at(json.body(), "data", "country"));
    }

    @Test
    void abstractTypesWithTypeConditions() {
        writtenAsShaped(nullability, "{ nodes { __typename id ... on Product { code } ... on Movie { code } } }",
                Map.of(), ADMIN);
    }

    @Test
    void deniedFieldsAreNullWithForbidden() {
        String body = writtenAsShaped(policy, "{ reports { title internalNote } }", Map.of(), Set.of("member"));
        assertTrue(body.contains("FORBIDDEN"), body);
        writtenAsShaped(policy, "{ reports { title internalNote } }", Map.of(), Set.of("analyst"));
    }

    @Test
    void enumValuesTheSchemaHidesBecomeNullWithAnError() {
        String body = writtenAsShaped(inaccessible, "{ items { name availability } }", Map.of(), ADMIN);
        assertTrue(body.contains("Invalid value returned for enum"), body);
        // In a non-null field the item becomes null: shaped as a tree, written the same.
        String query = "{ items { name lastAvailability } }";
        GraphQLResponse json = inaccessible.processToJson(query, Map.of(), ADMIN, false);
        assertNull(json.json());
        assertEquals(new String(CODEC.write(inaccessible.process(query, Map.of(), ADMIN, false).body()),
                StandardCharsets.UTF_8), new String(CODEC.write(json.body()), StandardCharsets.UTF_8));
        assertNull(TestGateway.at(json.body(), "data", "items", 2));
    }

    @Test
    void introspectionNextToSubgraphFields() {
        writtenAsShaped(coalition, "{ __type(name: \"Mineral\") { name fields { name } } country(code: \"JP\") { name } }",
                Map.of(), ADMIN);
    }

    /** Runs {@code query} both ways (with and without the debug plan) and compares the bytes; the JSON body. */
    private static String writtenAsShaped(TestGateway gateway, String query, Map<String, Object> variables,
            Set<String> roles) {
        String written = null;
        for (boolean debugPlan : List.of(true, false)) {
            GraphQLResponse json = gateway.processToJson(query, variables, roles, debugPlan);
            assertNotNull(json.json(), "written while shaped");
            assertNull(json.body());
            GraphQLResponse tree = gateway.process(query, variables, roles, debugPlan);
            assertEquals(new String(CODEC.write(tree.body()), StandardCharsets.UTF_8),
                    new String(json.json(), StandardCharsets.UTF_8));
            if (!debugPlan) {
                written = new String(json.json(), StandardCharsets.UTF_8);
            }
        }
        return written;
    }
}
