package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestone.gateway.testsupport.TestGateway.at;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.gateway.testsupport.StubSubgraph;
import org.lodestone.gateway.testsupport.TestGateway;

/**
 * Values the public schema refuses, as literals and as variables, against the real supergraph: each answer is one
 * BAD_USER_INPUT error naming the argument, the value as written and what was expected, with no graphql-java
 * notation in it, and no subgraph is called.
 */
class InputCoercionTest {

    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway("classpath:supergraph.graphql", name -> StubSubgraph.start(name, sdl(name),
                StubSubgraph.resource("subgraphs/real/" + name + ".json")));
    }

    @BeforeEach
    void forgetRequests() {
        gateway.reset();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "2025-02-30" | input.asOf: "2025-02-30" is not a date (YYYY-MM-DD)
            "2026-13-01" | input.asOf: "2026-13-01" is not a date (YYYY-MM-DD)
            "x"          | input.asOf: "x" is not a date (YYYY-MM-DD)
            3.5          | input.asOf: 3.5 is not a date (YYYY-MM-DD)
            []           | input.asOf: a list is not a date (YYYY-MM-DD)
            """)
    void invalidDateLiteralsAreRefusedPlainly(String literal, String message) {
        Map<String, Object> body = gateway.run("mutation { reportProgress(commitmentId: \"CM-0001\", input: {asOf: "
                + literal + ", amount: 1}) { id } }");
        assertRefused(body, message, "input.asOf");
    }

    @ParameterizedTest
    @MethodSource("badVariables")
    void invalidVariablesAreRefusedPlainly(Object value, String message) {
        Map<String, Object> body = gateway.run("query ($on: Date) { exportControls(activeOn: $on) { id } }",
                Collections.singletonMap("on", value));
        List<Map<String, Object>> errors = errors(body);
        assertEquals(message, errors.get(0).get("message"), body.toString());
        assertEquals("BAD_USER_INPUT", at(errors.get(0), "extensions", "code"));
        assertEquals(0, gateway.totalRequests(), "no subgraph was called");
    }

    static List<Object[]> badVariables() {
        return List.of(
                new Object[] {"2025-02-30", "$on: \"2025-02-30\" is not a date (YYYY-MM-DD)"},
                new Object[] {3.5, "$on: 3.5 is not a date (YYYY-MM-DD)"},
                new Object[] {List.of(), "$on: a list is not a date (YYYY-MM-DD)"});
    }

    @Test
    void wrongEnumValuesAndWrongTypesNameTheArgument() {
        assertRefused(gateway.run("{ agreements(filter: {status: DRAFTY}) { id } }"),
                "filter.status: DRAFTY is not one of DRAFT, EXPIRED, IN_FORCE, NEGOTIATING, SIGNED, SUSPENDED, TERMINATED",
                "filter.status");
        assertRefused(gateway.run("{ commitmentsDashboard(dueWithinDays: \"ninety\") { total } }"),
                "dueWithinDays: \"ninety\" is not an integer", "dueWithinDays");
        assertRefused(gateway.run("{ commitmentsDashboard(dueWithinDays: 3000000000) { total } }"),
                "dueWithinDays: 3000000000 is outside the Int range (-2147483648 to 2147483647)", "dueWithinDays");
        assertRefused(gateway.run("{ countries(coalitionOnly: \"yes\") { code } }"),
                "coalitionOnly: \"yes\" is not true or false", "coalitionOnly");
        assertRefused(gateway.run("{ country(code: 1.5) { code } }"),
                "code: 1.5 is not an identifier (a text or an integer)", "code");
    }

    @Test
    void controlCharactersInTextAreRefused() {
        Map<String, Object> body = gateway.run("query ($code: ID!) { country(code: $code) { code } }",
                Map.of("code", "J\u0000P"));
        List<Map<String, Object>> errors = errors(body);
        assertEquals("$code: the text contains the control character U+0000 at position 1; only tab, line feed and "
                + "carriage return are allowed", errors.get(0).get("message"));
        assertRefused(gateway.run("{ country(code: \"J\\u0007P\") { code } }"),
                "code: the text contains the control character U+0007 at position 1; only tab, line feed and carriage"
                        + " return are allowed", "code");
    }

    @Test
    void validValuesStillPass() {
        Map<String, Object> body = gateway.run("query ($on: Date) { exportControls(activeOn: $on) { id } }",
                Map.of("on", "2024-02-29"));
        assertFalse(String.valueOf(body.get("errors")).contains("is not a date"), body.toString());
    }

    private static void assertRefused(Map<String, Object> body, String message, String argument) {
        List<Map<String, Object>> errors = errors(body);
        assertEquals(message, errors.get(0).get("message"), body.toString());
        assertEquals("BAD_USER_INPUT", at(errors.get(0), "extensions", "code"));
        assertEquals(argument, at(errors.get(0), "extensions", "argument"));
        assertNull(body.get("data"));
        assertEquals(0, gateway.totalRequests(), "no subgraph was called");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Map<String, Object> body) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
        assertTrue(errors != null && errors.size() == 1, String.valueOf(body));
        String message = String.valueOf(errors.get(0).get("message"));
        assertFalse(message.contains("Value{") || message.contains("SRGQL") || message.contains("Validation error"),
                message);
        return errors;
    }

    private static String sdl(String subgraph) {
        Path file = Path.of("..", subgraph + "-service", "subgraph.graphql");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
