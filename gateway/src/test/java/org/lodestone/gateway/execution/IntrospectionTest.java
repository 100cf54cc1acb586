package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lodestone.gateway.testsupport.TestGateway;

/** Introspection is answered locally at any depth the limit allows, and the depth limit counts it. */
class IntrospectionTest {

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway("supergraphs/coalition.graphql", "coalition");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void nestedTypeIntrospectionReturnsTheData() {
        gateway.reset();
        Map<String, Object> body = gateway.run(
                "{ __type(name: \"DependenceIndicator\") { fields { name type { ofType { fields { name } } } } } }");
        assertNull(body.get("errors"), body.toString());
        List<Map<String, Object>> fields = (List<Map<String, Object>>) at(body, "data", "__type", "fields");
        // mineral: Mineral! shows the fields of the type it wraps.
        Map<String, Object> mineral = fields.stream().filter(f -> f.get("name").equals("mineral")).findFirst().orElseThrow();
        List<Map<String, Object>> mineralFields = (List<Map<String, Object>>) at(mineral, "type", "ofType", "fields");
        assertTrue(mineralFields.stream().anyMatch(f -> f.get("name").equals("symbol")), body.toString());
        assertEquals(0, gateway.totalRequests());
    }

    @Test
    @SuppressWarnings("unchecked")
    void nestedSchemaIntrospectionReturnsTheData() {
        Map<String, Object> body = gateway.run("{ __schema { types { name fields { type { fields { name } } } } } }");
        assertNull(body.get("errors"), body.toString());
        List<Map<String, Object>> types = (List<Map<String, Object>>) at(body, "data", "__schema", "types");
        assertTrue(types.stream().anyMatch(t -> "Country".equals(t.get("name"))), body.toString());
        assertFalse(types.stream().anyMatch(t -> String.valueOf(t.get("name")).startsWith("join__")), body.toString());
    }

    @Test
    void theDepthLimitCountsIntrospectionFields() {
        // 13 levels; the test gateway allows 12.
        Map<String, Object> body = gateway.run("""
                { __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType {
                  name } } } } } } } } } } } } }
                """);
        assertEquals("maxDepth", at(body, "errors", 0, "extensions", "limit"), body.toString());
        assertNull(body.get("data"));
    }

    @Test
    void introspectionNextToPlannedFieldsAnswersBoth() {
        Map<String, Object> body = gateway.run("{ __type(name: \"Mineral\") { name } country(code: \"JP\") { name } }");
        assertEquals("Mineral", at(body, "data", "__type", "name"), body.toString());
        assertEquals("Japan", at(body, "data", "country", "name"), body.toString());
    }
}
