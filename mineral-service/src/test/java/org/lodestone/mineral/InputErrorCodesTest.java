package org.lodestone.mineral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client calling the subgraph directly (not through the gateway) with a value of the wrong type, a document that
 * does not parse or names an unknown field: {@code BAD_USER_INPUT}, the argument's path and a plain message, without
 * graphql-java's syntax-tree classes or SmallRye's message ids; and nothing is recorded. (A document that does not
 * parse at all is answered by SmallRye GraphQL before any hook runs: "Unparseable input document", no code.)
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class InputErrorCodesTest {

    private static final String RECORD = """
            mutation { recordExportControl(input: { imposingCountry: "CN", measure: "ban", minerals: ["gallium"],
              source: "Test source, 2026", effectiveOn: %s }) { id } }""";

    @Test
    void literalValuesOfTheWrongTypeAreBadUserInputWithTheArgumentAndAPlainMessage() {
        assertRefused(GraphQL.ok(TestTokens.analyst(), "{ exportControls(activeOn: \"2025-02-30\") { id } }"),
                "activeOn", "activeOn: \"2025-02-30\" is not a date (YYYY-MM-DD)");
        assertRefused(GraphQL.ok(TestTokens.analyst(), "{ exportControls(activeOn: 3.5) { id } }"),
                "activeOn", "activeOn: 3.5 is not a date (YYYY-MM-DD)");
        assertRefused(GraphQL.ok(TestTokens.analyst(), "{ refiningConcentrationSummary(year: 3.5) { year } }"),
                "year", "year: 3.5 is not a whole number between -2147483648 and 2147483647");
        assertRefused(GraphQL.ok(TestTokens.analyst(), "{ mineral(id: [1]) { id } }"), "id",
                "id: a list is not an id (a text or a whole number)");
        Map<String, Object> kind = firstError(GraphQL.ok(TestTokens.analyst(),
                "{ exportControlAlerts(kinds: [NOPE]) { id } }").extract().jsonPath().getList("errors"));
        assertEquals("BAD_USER_INPUT", extensions(kind).get("code"), kind.toString());
        String kindMessage = (String) kind.get("message");
        assertTrue(kindMessage.startsWith("kinds[0]: NOPE is not one of ") && kindMessage.contains("EXPORT_CONTROL_RECORDED"),
                kindMessage);
        int before = exportControlCount();
        assertRefused(GraphQL.ok(TestTokens.analyst(), RECORD.formatted("\"2026-13-01\"")), "input.effectiveOn",
                "input.effectiveOn: \"2026-13-01\" is not a date (YYYY-MM-DD)");
        assertEquals(before, exportControlCount(), "a refused mutation records nothing");
    }

    @Test
    void variablesOfTheWrongTypeAreBadUserInputNamingTheVariable() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("day", "2025-02-30");
        Map<String, Object> error = firstError(GraphQL.ok(TestTokens.analyst(),
                "query($day: Date) { exportControls(activeOn: $day) { id } }", variables).extract().jsonPath()
                .getList("errors"));
        assertEquals("BAD_USER_INPUT", extensions(error).get("code"), error.toString());
        assertEquals("activeOn", extensions(error).get("argument"), error.toString());
        assertPlain((String) error.get("message"));

        Map<String, Object> input = new HashMap<>(Map.of("imposingCountry", "CN", "measure", "ban", "minerals",
                List.of("gallium"), "source", "Test source, 2026", "effectiveOn", "2026-02-30"));
        int before = exportControlCount();
        Map<String, Object> refused = firstError(GraphQL.ok(TestTokens.analyst(),
                "mutation($input: NewExportControl!) { recordExportControl(input: $input) { id } }",
                Map.of("input", input)).extract().jsonPath().getList("errors"));
        assertEquals("BAD_USER_INPUT", extensions(refused).get("code"), refused.toString());
        assertEquals("input.effectiveOn", extensions(refused).get("argument"), refused.toString());
        assertEquals("input.effectiveOn: \"2026-02-30\" is not a date (YYYY-MM-DD)", refused.get("message"));
        assertEquals(before, exportControlCount(), "a refused mutation records nothing");
    }

    @Test
    void documentsThatDoNotParseOrValidateAreBadUserInput() {
        for (String document : List.of("{ noSuchField }", "{ minerals { id(x: 1) } }",
                "query($d: NoSuchType) { minerals { id } }")) {
            Map<String, Object> error = firstError(GraphQL.ok(TestTokens.analyst(), document).extract().jsonPath()
                    .getList("errors"));
            assertEquals("BAD_USER_INPUT", extensions(error).get("code"), document + " -> " + error);
            assertPlain((String) error.get("message"));
        }
    }

    private static void assertRefused(io.restassured.response.ValidatableResponse response, String argument,
            String message) {
        Map<String, Object> error = firstError(response.extract().jsonPath().getList("errors"));
        assertEquals("BAD_USER_INPUT", extensions(error).get("code"), error.toString());
        assertEquals(argument, extensions(error).get("argument"), error.toString());
        assertEquals(message, error.get("message"));
    }

    private static void assertPlain(String message) {
        assertNotNull(message);
        for (String internal : List.of("Value{", "SRGQL", "java.", "Exception")) {
            assertFalse(message.contains(internal), () -> "internal text in: " + message);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstError(List<Object> errors) {
        assertNotNull(errors, "errors expected");
        assertFalse(errors.isEmpty(), "errors expected");
        return (Map<String, Object>) errors.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> extensions(Map<String, Object> error) {
        Object extensions = error.get("extensions");
        return extensions == null ? Map.of() : (Map<String, Object>) extensions;
    }

    private static int exportControlCount() {
        return GraphQL.ok(TestTokens.analyst(), "{ exportControls { id } }").extract().jsonPath()
                .getList("data.exportControls").size();
    }
}
